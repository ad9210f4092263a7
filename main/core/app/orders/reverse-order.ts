import type { Order } from '../../../../shared/domain';
import { isSettled } from '../../../../shared/order-state-machine';
import type { Actor } from '../../audit/vocabulary';
import { GiftdeskError } from '../../errors';
import { ProviderError } from '../../providers/provider-error';
import { limitsFor } from '../../providers/provider-limits';
import { reversalRefusal } from '../../providers/reversal-rule';
import type { AppDeps } from '../app-deps';
import { orderOf } from './order-of';

export class ReversalRefused extends GiftdeskError {
  readonly kind = 'reversal-refused';
}

/**
 * Asks the provider to reverse an order while the one reversal rule allows it. The request is recorded before it
 * goes out; once the provider accepts, the order moves to cancelled (with its own audit entry) and is no longer driven.
 */
export async function reverseOrder(deps: AppDeps, actor: Actor, orderId: number): Promise<Order> {
  const order = orderOf(deps, orderId);
  const account = deps.accounts.get(order.accountId);
  const refusal = reversalRefusal(order, limitsFor(account), deps.clock.now());
  if (refusal) throw new ReversalRefused(refusal);
  deps.engine.claim();
  deps.transaction(() => deps.audit.append(actor, { action: 'order.reverse', details: { orderId, reference: order.clientReference, state: order.state } }));
  const client = await deps.providers.clientFor(account.id);
  let result;
  try {
    result = await client.cancel({ reference: order.clientReference, providerOrderId: order.providerOrderId });
  } catch (err) {
    if (err instanceof ProviderError) throw new ReversalRefused(`The provider refused the reversal: ${err.providerMessage ?? err.message}`, { cause: err });
    throw err;
  }
  if (!result.accepted) throw new ReversalRefused(`The provider refused the reversal: ${result.message}`);
  if (result.underWay) {
    // Someone (another device, the partner portal) already asked: not a refusal. An order still driven is checked until
    // its status shows cancelled; a complete one answers "already cancelled" to the next request once it is done.
    const next = isSettled(order.state)
      ? 'ask for the reversal again later: once it is done, the provider answers that the order is cancelled'
      : "Giftdesk keeps checking the order's status";
    const noted = deps.orders.note(orderId, { stateReason: `A reversal is already under way at the provider (${result.message}); ${next}.` }, deps.clock.now());
    deps.engine.announce(noted);
    deps.engine.wake(orderId);
    return noted;
  }
  // The driver stops at its next step; if it commits meanwhile, the table still takes the reversal from there.
  void deps.engine.halt(orderId);
  const now = deps.clock.now();
  const cancelled = deps.orders.transition(orderId, 'reversed', { stateReason: `Reversal requested: ${result.message}`, nextPollAt: null, settledAt: now }, actor, now);
  deps.engine.announce(cancelled);
  return cancelled;
}
