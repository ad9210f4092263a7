import { useState } from 'react';
import type { OrderView, QuarantinedCardView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';

/**
 * The cards a provider sent with an order that are not its own (another value, product, currency or order): shown
 * apart from the order's cards, never counted, masked, each with why, for the conversation with the provider.
 * And, on the order that holds them, the orders its cards were sent to as well.
 */
export function QuarantinedCards({ order }: { order: OrderView }) {
  const [cards, setCards] = useState<QuarantinedCardView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (order.quarantinedCards === 0 && order.cardsAlsoSentTo.length === 0) return null;

  const load = async () => {
    setError(null);
    try {
      setCards(await call(api().cards.quarantined({ orderId: order.id })));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section className="advice bad" aria-label={`Cards kept apart for order ${order.clientReference}`}>
      {order.cardsAlsoSentTo.map((c) => (
        <p key={c.orderId}>
          {plural(c.cards, 'card')} of this order {c.cards === 1 ? 'was' : 'were'} sent to order {c.orderId} as well: the provider handed the same {c.cards === 1 ? 'card' : 'cards'} out twice.
        </p>
      ))}
      {order.quarantinedCards > 0 && (
        <>
          <p>
            {plural(order.quarantinedCards, 'card')} the provider sent {order.quarantinedCards === 1 ? 'is' : 'are'} not this order’s: kept apart, not counted.
          </p>
          {cards === null ? (
            <button type="button" onClick={() => void load()}>
              Show the cards kept apart
            </button>
          ) : (
            <table className="cards">
              <caption className="muted">Cards kept apart (masked)</caption>
              <thead>
                <tr>
                  <th scope="col">Card</th>
                  <th scope="col">Value</th>
                  <th scope="col">Product</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {cards.map((c) => (
                  <tr key={c.id}>
                    <td className="mono">{c.maskedNumber ?? (c.hasUrl ? 'eGift link' : '—')}</td>
                    <td>{formatMoney(c.amountCents, c.currency)}</td>
                    <td>{c.sku ?? '—'}</td>
                    <td>{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <ErrorText message={error} />
    </section>
  );
}
