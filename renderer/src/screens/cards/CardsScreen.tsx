import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CardSort } from '../../../../shared/card-sort';
import { CUSTODY_LABELS, CUSTODY_STATES, type CustodyState } from '../../../../shared/custody-state-machine';
import type { HandoutSummaryView } from '../../../../shared/ipc/custody-views';
import { parseAmountToCents } from '../../../../shared/money';
import { ErrorText } from '../../components/ErrorText';
import { plural } from '../../lib/format';
import { api, call } from '../../lib/api';
import { orderLabel } from '../../lib/order-label';
import { useKeysetTable } from '../../lib/use-keyset-table';
import { useApp } from '../../state/app-store';
import { CARD_ORDERS, NEWEST_FIRST } from './card-order';
import { CardRow, ROW_HEIGHT } from './CardRow';
import { useCardPages, type CardFilter } from './use-card-pages';
import { useReveals } from './use-reveals';

export function CardsScreen() {
  const orders = useApp((s) => s.orders);
  const cardsOrderId = useApp((s) => s.cardsOrderId);
  const cardTotal = useApp((s) => s.cardTotal);
  const empty = { number: '', amount: '', orderId: '', custodyState: '', handoutId: '', recipient: '' };
  const [form, setForm] = useState({ ...empty, orderId: cardsOrderId ? String(cardsOrderId) : '' });
  const [handouts, setHandouts] = useState<HandoutSummaryView[]>([]);
  useEffect(() => void call(api().handouts.list({})).then(setHandouts, () => undefined), []);
  const [search, setSearch] = useState<CardFilter>(cardsOrderId ? { orderId: cardsOrderId } : {});
  const [order, setOrder] = useState(NEWEST_FIRST);
  const [formError, setFormError] = useState<string | null>(null);
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: CardFilter = {};
    const digits = form.number.replace(/\s+/g, '');
    if (digits) {
      if (!/^\d{2,40}$/.test(digits)) return setFormError('Enter digits only: the whole card number or its last digits.');
      next.number = digits;
    }
    if (form.amount.trim()) {
      const cents = parseAmountToCents(form.amount.replace(/^\$/, ''));
      if (cents === null || cents <= 0) return setFormError('Enter an amount such as 25 or 25.50.');
      next.amountCents = cents;
    }
    if (form.orderId) next.orderId = Number(form.orderId);
    if (form.custodyState) next.custodyState = form.custodyState as CustodyState;
    if (form.handoutId) next.handoutId = Number(form.handoutId);
    if (form.recipient.trim()) next.recipient = form.recipient.trim();
    setFormError(null);
    setSearch(next);
  };

  return (
    <section className="cards-screen" aria-labelledby="cards-title">
      <header className="screen-head">
        <h1 id="cards-title">Cards</h1>
        <p className="muted" aria-live="polite">
          {cardTotal !== null ? `${plural(cardTotal, 'card')} stored` : ''}
          {Object.keys(search).length > 0 ? ' · showing those that match' : ''}
        </p>
      </header>
      <form className="search" onSubmit={submit} role="search" aria-label="Find cards">
        <div className="field">
          <label htmlFor="card-number">Card number or last digits</label>
          <input id="card-number" inputMode="numeric" value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} autoComplete="off" />
        </div>
        <div className="field narrow">
          <label htmlFor="card-amount">Amount</label>
          <input id="card-amount" inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="card-order">Order</label>
          <select id="card-order" value={form.orderId} onChange={(e) => setForm({ ...form, orderId: e.target.value })}>
            <option value="">All orders</option>
            {orders.map((o) => (
              <option key={o.id} value={o.id}>
                {orderLabel(o, o.id)} ({plural(o.quantity, 'card')})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="card-custody">Custody</label>
          <select id="card-custody" value={form.custodyState} onChange={(e) => setForm({ ...form, custodyState: e.target.value })}>
            <option value="">Any state</option>
            {CUSTODY_STATES.map((s) => (
              <option key={s} value={s}>
                {CUSTODY_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="card-handout">Hand-out</label>
          <select id="card-handout" value={form.handoutId} onChange={(e) => setForm({ ...form, handoutId: e.target.value })}>
            <option value="">Any hand-out</option>
            {handouts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="card-recipient">Recipient</label>
          <input id="card-recipient" value={form.recipient} onChange={(e) => setForm({ ...form, recipient: e.target.value })} autoComplete="off" />
        </div>
        <div className="field buttons">
          <button type="submit" className="primary">
            Search
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(empty);
              setSearch({});
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorText message={formError ?? pages.error} />
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
