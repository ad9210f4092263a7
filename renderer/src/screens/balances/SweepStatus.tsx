import type { SweepProgressView } from '../../../../shared/ipc/balance-views';
import { etaWords } from './use-sweep';

/** A sweep's bar and sentence: answers so far of its cards, what is left and when it will be done, the last trouble. */
export function SweepStatus({ progress, onCancel }: { progress: SweepProgressView; onCancel(): void }) {
  const percent = progress.cards > 0 ? Math.round((progress.answered / progress.cards) * 100) : 100;
  const running = progress.state === 'queued' || progress.state === 'running';
  return (
    <div className="progress sweep">
      <div className={`progress-track state-${running ? 'processing' : progress.state === 'done' ? 'complete' : 'cancelled'}`} role="progressbar" aria-label="Balance checks" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text" role="status">
        {progress.answered.toLocaleString()} of {progress.cards.toLocaleString()} cards answered
        {progress.notAvailable > 0 ? ` (${progress.notAvailable} balance not available)` : ''}
        {running ? ` · ${etaWords(progress.etaMs)}` : progress.state === 'done' ? ' · done' : ' · cancelled'}
        {progress.state === 'queued' ? ' · waiting for the Giftdesk process that drives this data folder' : ''}
      </span>
      {progress.lastError && running && <p className="muted small">Waiting after: {progress.lastError}</p>}
      {running && (
        <button type="button" onClick={onCancel}>
          Cancel checks
        </button>
      )}
    </div>
  );
}
