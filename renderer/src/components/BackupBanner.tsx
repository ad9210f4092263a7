import { useApp } from '../state/app-store';

/** On every screen, when there has been no verified backup for 7 days: the cards would die with this computer. */
export function BackupBanner() {
  const overdue = useApp((s) => s.vault?.backups.overdue ?? false);
  const screen = useApp((s) => s.screen);
  const go = useApp((s) => s.go);
  if (!overdue) return null;
  return (
    <div className="banner" role="alert">
      <span>No verified backup for 7 days or more. If this computer is lost, so are the cards.</span>
      {screen !== 'settings' && (
        <button type="button" onClick={() => {
            go('settings');
            // The backups are below the preferences: bring them to where the person is looking.
            setTimeout(() => void document.getElementById('security')?.scrollIntoView({ block: 'start' }), 0);
          }}>
          Back up now
        </button>
      )}
    </div>
  );
}
