import type { Card } from '../../../../shared/domain';
import type { AppDeps } from '../app-deps';

/**
 * A card's product name: the provider's own, or else its order line's. Blackhawk names a product only in its
 * catalog, never on the card; the line took the catalog's name when the order was placed. Lines are read once per order.
 */
export function productNamer(deps: Pick<AppDeps, 'orders'>): (card: Pick<Card, 'orderId' | 'lineId' | 'productName'>) => string | null {
  const byOrder = new Map<number, Map<number, string | null>>();
  return (card) => {
    if (card.productName !== null || card.lineId === null) return card.productName;
    let names = byOrder.get(card.orderId);
    if (!names) byOrder.set(card.orderId, (names = new Map(deps.orders.lines(card.orderId).map((l) => [l.id, l.productName]))));
    return names.get(card.lineId) ?? null;
  };
}
