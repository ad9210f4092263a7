import { formatUntil } from '../lib/format';
import { useNow } from '../lib/use-now';

/** "in 12 s": the only part of a row or page that re-renders each second (the window's one clock drives it). */
export function NextCheck({ at }: { at: number }) {
  const now = useNow();
  return <span className="next-check">{formatUntil(at, now)}</span>;
}
