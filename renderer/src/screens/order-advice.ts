import type { OrderView } from '../../../shared/ipc/views';

/** What went wrong, in words, and what to do next. Null while the order is on its way or done. */
export function orderAdvice(order: OrderView): { problem: string; next: string } | null {
  const p = order.progress;
  const reason = p.stateReason ?? p.lastError;
  switch (p.state) {
    case 'needs-attention':
      return {
        problem: reason ?? 'Giftdesk could not confirm what happened to this order.',
        next: `Press “Check now”. If it stays here, ask the provider about reference ${order.clientReference} before ordering again — ordering again could pay twice.`,
      };
    case 'failed':
      return {
        problem: reason ?? 'The provider refused this order.',
        next: `Fix what the message says (balance, product, amount, key) and place a new order. If your provider statement shows a debit for it anyway, give them the reference ${order.clientReference}.`,
      };
    case 'cancelled':
      return { problem: reason ?? 'The order was cancelled.', next: 'Check with the provider that the prepaid account was refunded.' };
    default:
      return p.lastError
        ? { problem: p.lastError, next: 'Giftdesk keeps trying on its own; “Check now” tries at once.' }
        : null;
  }
}
