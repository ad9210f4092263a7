import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Clock } from '../clock';
import { GiftdeskError } from '../errors';
import type { EngineLeaseRepo, LeaseHolder } from '../store/repos/engine-lease';

export class EngineBusy extends GiftdeskError {
  readonly kind = 'engine-busy';
  constructor(holder: LeaseHolder) {
    super(
      `Another Giftdesk process (${holder.label}, pid ${holder.pid} on ${holder.host}) is driving the orders of this data folder. ` +
        'Let it finish or close it, then try again; orders placed there carry on there.',
    );
  }
}

/** How long a lease lasts without renewal; renewed three times in that span. */
export const LEASE_TTL_MS = 30_000;

export interface EngineLease {
  /** The lease's token, new at each takeover: every engine write carries it (fencing). */
  readonly holder: string;
  /** Renews the lease; false when another process has taken it over (this one must stop driving orders). */
  renew(): boolean;
  release(): void;
}

/**
 * One process drives the orders of a data folder at a time. A lease held by a live process is respected; one whose
 * holder died (same host, pid gone) or stopped renewing (expired) is taken over at once.
 */
export function acquireEngineLease(repo: EngineLeaseRepo, clock: Clock, label: string, ttlMs = LEASE_TTL_MS, isAlive = processIsAlive): EngineLease {
  const me: LeaseHolder = { holder: randomUUID(), pid: process.pid, host: os.hostname(), label, expiresAt: clock.now() + ttlMs };
  const result = repo.takeIf(me, (current) => {
    if (!current) return true;
    if (current.expiresAt <= clock.now()) return true;
    return current.host === me.host && current.pid !== me.pid && !isAlive(current.pid);
  });
  if (!result || result.holder !== me.holder) throw new EngineBusy(result ?? me);
  return {
    holder: me.holder,
    renew: () => repo.renew(me.holder, clock.now() + ttlMs),
    release: () => repo.release(me.holder),
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
