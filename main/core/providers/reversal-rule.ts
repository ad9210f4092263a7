import type { Order } from '../../../shared/domain';
import { nextOrderState } from '../../../shared/order-state-machine';
import type { ProviderLimits } from './provider-client';

/**
 * Why a reversal cannot be asked for now, or null when it can: the state machine must allow it, the provider must
 * have a reversal API, and the order must still be inside the window the provider gave it (Wpay cancel.allowed and
 * allowedWithIn, counted from acceptance). The order view's "can cancel" and the reversal command both ask here.
 */
export function reversalRefusal(order: Order, limits: ProviderLimits, now: number): string | null {
  if (nextOrderState(order.state, 'reversed') === null) return `A ${order.state} order cannot be reversed.`;
  if (!limits.reversible) return 'This provider has no reversal API; ask your account manager to reverse the order.';
  if (order.cancelAllowed !== true) return 'The provider does not allow this order to be reversed.';
  if (order.cancelWithinMinutes === null) return null;
  const deadline = (order.acceptedAt ?? order.createdAt) + order.cancelWithinMinutes * 60_000;
  return now < deadline
    ? null
    : `The provider allowed reversing for ${order.cancelWithinMinutes} minutes after the order was accepted; that time has passed.`;
}
