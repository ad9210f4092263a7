import type { Order, OrderLine } from '../../../shared/domain';
import { formatMoney } from '../../../shared/money';
import type { ProviderOrderStatus } from '../providers/provider-client';
import { ForeignAnswer, ProviderError } from '../providers/provider-error';
import type { QuarantineGroup } from '../store/repos/quarantined-cards';

// What the engine says when a provider's answer does not fit the order it is about. Each sentence names what came
// back against what was sent or ordered, and what a person can do.

/** An answer about another order: never taken up, handed to a person. */
export function foreignReason(err: ForeignAnswer, order: Order): string {
  return (
    `The provider answered about another order: ${err.ours}. Nothing of that answer was taken up. ` +
    `Contact the provider with the order reference ${order.clientReference}${order.providerOrderId ? ` (their order ${order.providerOrderId})` : ''}; press "check now" once they have fixed it.`
  );
}

/**
 * The provider's order id, once known, is never replaced: a status naming another one is an answer about another
 * order, whatever the client made of it.
 */
export function checkAdoption(order: Order, status: ProviderOrderStatus, provider: ProviderError['provider']): void {
  if (order.providerOrderId === null || status.providerOrderId === null || status.providerOrderId === order.providerOrderId) return;
  throw new ForeignAnswer({
    provider,
    endpoint: 'order status',
    httpStatus: null,
    mismatches: [{ field: 'order id', sent: order.providerOrderId, got: status.providerOrderId }],
  });
}

/** The provider's own card total, when it says one, against the quantity ordered; null when they agree. */
export function totalMismatch(order: Order, providerTotal: number | null): string | null {
  if (providerTotal === null || providerTotal === order.quantity) return null;
  return (
    `The provider says the order holds ${providerTotal} cards; ${order.quantity} were ordered. No card of that answer was stored. ` +
    `Contact the provider with the order reference ${order.clientReference} before using this order.`
  );
}

const GROUP_WORDS: Record<QuarantineGroup['kind'], (g: QuarantineGroup, currency: string) => string> = {
  'wrong-value': (g, c) => `${cards(g.cards)} of ${formatMoney(g.amountCents, c)}${g.sku ? ` (${g.sku})` : ''}`,
  'wrong-product': (g, c) => `${cards(g.cards)} of product ${g.sku} at ${formatMoney(g.amountCents, c)}`,
  'wrong-currency': (g) => `${cards(g.cards)} in another currency`,
  'held-by-another-order': (g) => `${cards(g.cards)} already stored in order ${g.otherOrderId}`,
  repeated: (g) => `${cards(g.cards)} sent twice on one page`,
};

/** An order whose answers brought cards that are not its own: what came, what was ordered, what to do. */
export function describeQuarantine(groups: readonly QuarantineGroup[], order: Order, lines: readonly OrderLine[], stored: number): string {
  const came = groups.map((g) => GROUP_WORDS[g.kind](g, order.currency)).join('; ');
  const ordered = lines.map((l) => `line ${l.lineNo}, ${l.quantity} × ${l.sku} at ${formatMoney(l.faceValueCents, order.currency)}`).join('; ');
  return (
    `The provider sent cards that are not this order's: ${came}. Ordered: ${ordered}. ` +
    `They are kept apart and not counted; ${stored} of ${order.quantity} ordered cards are stored. Fetching again will not help: ` +
    `contact the provider with the order reference ${order.clientReference}, and show them the quarantined cards (cards ${order.id} --quarantined, or the order's quarantined cards in the app).`
  );
}

function cards(n: number): string {
  return n === 1 ? '1 card' : `${n} cards`;
}
