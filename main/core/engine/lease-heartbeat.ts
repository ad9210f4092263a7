import type { Clock } from '../clock';
import type { EngineLeaseRepo } from '../store/repos/engine-lease';
import { acquireEngineLease, LEASE_RENEW_MS, type EngineLease } from './engine-lease';

/** Holds the data folder's lease while orders are driven, renewing it; tells `onLost` when another process took it. */
export function createLeaseHeartbeat(repo: EngineLeaseRepo, clock: Clock, label: string, onLost: () => void) {
  let lease: EngineLease | null = null;
  let timer: NodeJS.Timeout | null = null;
  return {
    /** Takes the lease if this process does not hold it yet (EngineBusy when another live process does). */
    ensure(): void {
      if (lease) return;
      lease = acquireEngineLease(repo, clock, label);
      timer = setInterval(() => {
        if (lease && !lease.renew()) {
          // Another process took over (this one stalled past the lease): stop driving rather than race it.
          lease = null;
          onLost();
        }
      }, LEASE_RENEW_MS);
      timer.unref();
    },
    held: (): boolean => lease !== null,
    release(): void {
      if (timer) clearInterval(timer);
      timer = null;
      lease?.release();
      lease = null;
    },
  };
}
