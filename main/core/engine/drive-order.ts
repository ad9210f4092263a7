import type { Order } from '../../../shared/domain';
import { isSettled } from '../../../shared/order-state-machine';
import { IllegalOrderTransition } from '../errors';
import { isLeaseLost } from '../store/errors';
import type { DriveContext } from './drive-context';
import { fetchCards } from './fetch-cards';
import { backoffMs } from './poll-cadence';
import { pollOrder } from './poll-order';
import { submitOrder } from './submit-order';

/**
 * Carries one order from wherever its committed state says to a settled state. Each step reads the order afresh,
 * so the loop resumes after a crash exactly where the last commit left it.
 */
export async function driveOrder(ctx: DriveContext): Promise<Order> {
  const rounds = { short: 0, notFound: 0 };
  for (;;) {
    const order = ctx.orders.get(ctx.orderId);
    if (isSettled(order.state) || ctx.signal.aborted) return order;
    try {
      switch (order.state) {
        case 'draft':
        case 'submitting':
          await submitOrder(ctx, order);
          break;
        case 'accepted':
        case 'processing':
          await pollOrder(ctx, order);
          break;
        case 'fetching':
          await fetchCards(ctx, order, rounds);
          break;
      }
    } catch (err) {
      // The lease is gone: nothing more may be written, not even what went wrong (drive-task.ts stops the driver).
      if (isLeaseLost(err)) throw err;
      const now = ctx.orders.get(ctx.orderId);
      // Stopped, or settled under this driver (a reversal accepted meanwhile made its next step illegal): done.
      if (ctx.signal.aborted || (err instanceof IllegalOrderTransition && isSettled(now.state))) return now;
      // Not a provider answer (a bug, a full disk…): keep the committed state, say what happened, try again later.
      ctx.failures += 1;
      const message = err instanceof Error ? err.message : String(err);
      ctx.note({ lastError: `Internal error: ${message}`, nextPollAt: ctx.clock.now() + backoffMs(ctx.failures, 5_000, 10 * 60_000) });
      await ctx.waitUntil(ctx.orders.get(ctx.orderId).nextPollAt ?? ctx.clock.now());
    }
  }
}
