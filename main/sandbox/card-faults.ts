import type { SandboxContext } from './context';
import type { SandboxRequest } from './http-kit';
import type { SandboxOrder } from './types';

/**
 * The card-request faults this request drew, applied to a live order: the provider cancels it now (persisted, so
 * its status says so too); or, once it is complete, its cards are not ready yet or the page comes back short.
 */
export function cardFault(req: SandboxRequest, ctx: SandboxContext, order: SandboxOrder, now: number, complete: boolean): 'cancelled' | 'not-ready' | 'short' | null {
  if (req.plan.cancel) {
    ctx.stats.fault('cancelledInFetch');
    ctx.store.markCancelled(order, now);
    return 'cancelled';
  }
  if (!complete) return null;
  if (req.plan.notReady) {
    ctx.stats.fault('notReady');
    return 'not-ready';
  }
  if (req.plan.short) {
    ctx.stats.fault('shortPages');
    return 'short';
  }
  return null;
}

/** Where a short page stops: a tenth of the page missing, at least one card. */
export function shortEnd(start: number, end: number): number {
  return Math.max(start, end - Math.max(1, Math.floor((end - start) / 10)));
}
