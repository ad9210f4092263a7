import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CUSTODY_LABELS, CUSTODY_STATES, type CustodyState } from '../../../../shared/custody-state-machine';
import type { HandoutSummaryView } from '../../../../shared/ipc/custody-views';
import type { CardSearchInput } from '../../../../shared/ipc/views';
import { parseAmountToCents } from '../../../../shared/money';
import { ErrorText } from '../../components/ErrorText';
import { api, call } from '../../lib/api';
import { useApp } from '../../state/app-store';
import { CardRow, ROW_HEIGHT } from './CardRow';
import { useCardPages } from './use-card-pages';
import { useReveals } from './use-reveals';

export function CardsScreen() {
  const orders = useApp((s) => s.orders);
  const cardsOrderId = useApp((s) => s.cardsOrderId);
  const cardTotal = useApp((s) => s.cardTotal);
  const empty = { number: '', amount: '', orderId: '', custodyState: '', handoutId: '', recipient: '' };
  const [form, setForm] = useState({ ...empty, orderId: cardsOrderId ? String(cardsOrderId) : '' });
  const [handouts, setHandouts] = useState<HandoutSummaryView[]>([]);
  useEffect(() => void call(api().handouts.list({})).then(setHandouts, () => undefined), []);
  const [search, setSearch] = useState<Omit<CardSearchInput, 'afterId' | 'limit'>>(cardsOrderId ? { orderId: cardsOrderId } : {});
  const [formError, setFormError] = useState<string | null>(null);
  const { cards, hasMore, loadMore, error } = useCardPages(search);
  const { shown, reveal, hide } = useReveals();
  const scroller = useRef<HTMLDivElement>(null);
  const setCardTotal = useApp((s) => s.setCardTotal);
  useEffect(() => {
    // Events keep the count current while orders run; cards from before this window opened are counted here.
    void api().cards.count({}).then((r) => r.ok && setCardTotal(r.value.total));
  }, [setCardTotal]);

  const virtualizer = useVirtualizer({
    count: cards.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= cards.length - 1 && hasMore) void loadMore();
  }, [last, cards.length, hasMore, loadMore]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Omit<CardSearchInput, 'afterId' | 'limit'> = {};
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
          {cards.length.toLocaleString()}
          {hasMore ? '+' : ''} shown{cardTotal !== null ? ` of ${cardTotal.toLocaleString()} stored` : ''}
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
                {o.clientReference} ({o.quantity.toLocaleString()} cards)
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
      <ErrorText message={formError ?? error} />
      <div className="card-table" role="table" aria-label="Cards" aria-rowcount={cards.length + 1}>
        <div className="card-row head" role="row">
          <span role="columnheader">Card number</span>
          <span role="columnheader">PIN</span>
          <span role="columnheader">Value</span>
          <span role="columnheader">Product</span>
          <span role="columnheader">Order</span>
          <span role="columnheader">Custody</span>
          <span role="columnheader">Expiry</span>
          <span role="columnheader">
            <span className="sr-only">Actions</span>
          </span>
        </div>
        <div className="card-scroll" ref={scroller} tabIndex={0} aria-label="Card rows, scroll for more">
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const card = cards[item.index];
              return card ? (
                <CardRow
                  key={card.id}
                  card={card}
                  top={item.start}
                  index={item.index}
                  revealed={shown.get(card.id) ?? null}
                  onReveal={reveal}
                  onHide={hide}
                />
              ) : (
                <div key="more" className="card-row loading" role="row" style={{ transform: `translateY(${item.start}px)` }}>
                  <span role="cell">Loading more cards…</span>
                </div>
              );
            })}
          </div>
          {!hasMore && cards.length === 0 && <p className="empty">No cards match.</p>}
        </div>
      </div>
    </section>
  );
}
