import { useEffect, useMemo, useState } from 'react';
import type { CardSort } from '../../../../shared/card-sort';
import { ErrorText } from '../../components/ErrorText';
import { plural } from '../../lib/format';
import { api } from '../../lib/api';
import { orderLabel } from '../../lib/order-label';
import { useKeysetTable } from '../../lib/use-keyset-table';
import { useApp } from '../../state/app-store';
import { CARD_ORDERS, NEWEST_FIRST } from './card-order';
import { CardSearchForm } from './CardSearchForm';
import { CardRow, ROW_HEIGHT } from './CardRow';
import { useCardPages, type CardFilter } from './use-card-pages';
import { useReveals } from './use-reveals';

export function CardsScreen() {
  const orders = useApp((s) => s.orders);
  const cardsOrderId = useApp((s) => s.cardsOrderId);
  const cardTotal = useApp((s) => s.cardTotal);
  const [search, setSearch] = useState<CardFilter>(cardsOrderId ? { orderId: cardsOrderId } : {});
  const [order, setOrder] = useState(NEWEST_FIRST);
  const pages = useCardPages(search, order);
  const { shown, reveal, hide } = useReveals();
  const table = useKeysetTable(pages, ROW_HEIGHT, 12);
  const setCardTotal = useApp((s) => s.setCardTotal);
  useEffect(() => {
    // Events keep the count current while orders run; cards from before this window opened are counted here.
    void api().cards.count({}).then((r) => r.ok && setCardTotal(r.value.total));
  }, [setCardTotal]);
  // Each page an order stores changes the count: the new cards come in at the top while the table shows it.
  const { refreshTop } = pages;
  useEffect(() => {
    if (cardTotal !== null) refreshTop();
  }, [cardTotal, refreshTop]);
  const ordersById = useMemo(() => new Map(orders.map((o) => [o.id, o])), [orders]);
  const sortedBy = (key: CardSort) => (order.sort === key ? (order.direction === 'desc' ? 'descending' : 'ascending') : undefined);

  return (
    <section className="cards-screen" aria-labelledby="cards-title">
      <header className="screen-head">
        <h1 id="cards-title">Cards</h1>
        <p className="muted" aria-live="polite">
          {cardTotal !== null ? `${plural(cardTotal, 'card')} stored` : ''}
          {Object.keys(search).length > 0 ? ' · showing those that match' : ''}
        </p>
      </header>
      <CardSearchForm orders={orders} initialOrderId={cardsOrderId} onSearch={setSearch} />
      <ErrorText message={pages.error} />
      <div className="table-tools">
        <div className="field inline">
          <label htmlFor="card-sort">Sort</label>
          <select id="card-sort" value={order.value} onChange={(e) => setOrder(CARD_ORDERS.find((o) => o.value === e.target.value) ?? NEWEST_FIRST)}>
            {CARD_ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="buttons" role="group" aria-label="Go to either end">
          <button type="button" onClick={() => pages.jump('top')} aria-keyshortcuts="Home">
            ↑ {order.top}
          </button>
          <button type="button" onClick={() => pages.jump('bottom')} aria-keyshortcuts="End">
            ↓ {order.bottom}
          </button>
        </div>
      </div>
      <div className="card-table" role="table" aria-label="Cards" aria-busy={pages.loading}>
        <div className="card-scroll" ref={table.scroller} tabIndex={0} onKeyDown={table.onKeyDown} aria-label="Card rows: scroll for more, Home and End for either end">
          <div className="card-row head" role="row">
            <span role="columnheader">Card</span>
            <span role="columnheader" aria-sort={sortedBy('value')}>
              Value
            </span>
            <span role="columnheader">Order</span>
            <span role="columnheader" aria-sort={sortedBy('date')}>
              Stored
            </span>
            <span role="columnheader" aria-sort={sortedBy('expiry')}>
              Expiry
            </span>
            <span role="columnheader">Custody</span>
            <span role="columnheader">
              <span className="sr-only">Actions</span>
            </span>
          </div>
          <div role="rowgroup" style={{ height: table.totalSize, position: 'relative' }}>
            {table.items.map((item) => {
              const card = pages.rows[item.index]!;
              return (
                <CardRow
                  key={card.id}
                  card={card}
                  orderName={orderLabel(ordersById.get(card.orderId), card.orderId)}
                  accountId={ordersById.get(card.orderId)?.accountId ?? null}
                  top={item.start}
                  index={item.index}
                  revealed={shown.get(card.id) ?? null}
                  onReveal={reveal}
                  onHide={hide}
                />
              );
            })}
          </div>
          {!pages.loading && pages.rows.length === 0 && <p className="empty">No cards match.</p>}
        </div>
      </div>
    </section>
  );
}
