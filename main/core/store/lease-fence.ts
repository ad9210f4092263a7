import { LeaseLost } from './errors';
import type { Db } from './open-database';

/**
 * Fencing for the engine's writes: each carries the lease it was made under (the holder's token, new at every
 * takeover), and is refused inside its own write transaction when that lease is not the data folder's current one.
 * Run on the main thread's connection and on the card writer's, so that no engine write of a stale process lands.
 */
export function createLeaseFence(db: Db): (holder: string | null) => void {
  const current = db.prepare<[], string>('SELECT holder FROM engine_lease WHERE id = 1').pluck();
  return (holder) => {
    if (holder === null || current.get() !== holder) throw new LeaseLost();
  };
}
