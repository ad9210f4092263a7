import type { OrderProgressView } from '../../../shared/ipc/views';
import { plural } from '../lib/format';

/** Percent from the provider while it reports one, else from cards stored of the total. */
export function progressPercent(p: OrderProgressView): number {
  if (p.state === 'complete') return 100;
  if (p.percent !== null) return Math.max(0, Math.min(100, Math.round(p.percent)));
  return p.quantity > 0 ? Math.round((p.cardsStored / p.quantity) * 100) : 0;
}

export function ProgressBar({ progress, label }: { progress: OrderProgressView; label: string }) {
  const percent = progressPercent(progress);
  return (
    <div className="progress">
      <div
        className={`progress-track state-${progress.state}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">
        {percent}% · {progress.cardsStored.toLocaleString()} of {plural(progress.quantity, 'card')} stored
      </span>
    </div>
  );
}
