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
      {screen !== 'security' && (
        <button type="button" onClick={() => go('security')}>
          Back up now
        </button>
      )}
    </div>
  );
}
