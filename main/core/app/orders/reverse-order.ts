import type { Order } from '../../../../shared/domain';
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
  // The driver stops at its next step; if it commits meanwhile, the table still takes the reversal from there.
  void deps.engine.halt(orderId);
  const now = deps.clock.now();
  const cancelled = deps.orders.transition(orderId, 'reversed', { stateReason: `Reversal requested: ${result.message}`, nextPollAt: null, settledAt: now }, actor, now);
  deps.engine.announce(cancelled);
  return cancelled;
}
