import type { Clock } from '../clock';
import type { EngineLeaseRepo } from '../store/repos/engine-lease';
import { acquireEngineLease, type EngineLease } from './engine-lease';

/**
 * Holds the data folder's lease while orders are driven, renewing it three times a lease's span; tells `onLost` when
 * another process took it (found at a renewal, or by a write the store refused).
 */
export function createLeaseHeartbeat(repo: EngineLeaseRepo, clock: Clock, label: string, ttlMs: number, onLost: () => void) {
  let lease: EngineLease | null = null;
  let timer: NodeJS.Timeout | null = null;
  const stopRenewing = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const lost = () => {
    if (!lease) return;
    // Another process took over (this one stalled past the lease): stop driving rather than race it.
    lease = null;
    stopRenewing();
    onLost();
  };
  return {
    /** Takes the lease if this process does not hold it yet (EngineBusy when another live process does). */
    ensure(): void {
      if (lease) return;
      lease = acquireEngineLease(repo, clock, label, ttlMs);
      timer = setInterval(() => {
        if (lease && !lease.renew()) lost();
      }, ttlMs / 3);
      timer.unref();
    },
    /** The token every engine write carries; null once the lease is gone (such a write is refused). */
    holder: (): string | null => lease?.holder ?? null,
    /** A write was refused because the lease is no longer ours. */
    lost,
    held: (): boolean => lease !== null,
    release(): void {
      stopRenewing();
      lease?.release();
      lease = null;
    },
  };
}
