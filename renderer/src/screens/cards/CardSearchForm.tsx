import { memo, useEffect, useMemo, useState, type FormEvent } from 'react';
import { CUSTODY_LABELS, CUSTODY_STATES, type CustodyState } from '../../../../shared/custody-state-machine';
import type { HandoutSummaryView } from '../../../../shared/ipc/custody-views';
import type { OrderView } from '../../../../shared/ipc/views';
import { parseAmountToCents } from '../../../../shared/money';
import { ErrorText } from '../../components/ErrorText';
import { api, call } from '../../lib/api';
import { plural } from '../../lib/format';
import { orderLabel } from '../../lib/order-label';
import type { CardFilter } from './use-card-pages';

interface Props {
  orders: readonly OrderView[];
  /** The order the screen was opened for ("View cards" on an order), or null. */
  initialOrderId: number | null;
  onSearch(filter: CardFilter): void;
}

const EMPTY = { number: '', amount: '', orderId: '', custodyState: '', handoutId: '', recipient: '' };

/**
 * The card search's fields, apart from the table: after a year the order list holds a thousand options, and the
 * table's every page and scroll would otherwise render them all again (most of a jump's time, measured).
 */
export const CardSearchForm = memo(function CardSearchForm({ orders, initialOrderId, onSearch }: Props) {
  const [form, setForm] = useState({ ...EMPTY, orderId: initialOrderId ? String(initialOrderId) : '' });
  const [formError, setFormError] = useState<string | null>(null);
  const [handouts, setHandouts] = useState<HandoutSummaryView[]>([]);
  useEffect(() => void call(api().handouts.list({})).then(setHandouts, () => undefined), []);
  // After a year the list holds a thousand orders: they are put in when the person reaches for the list (a press or
  // the focus, both before it opens), not each time Cards opens, which they would make twice as slow. The order the
  // screen was opened for is there from the start.
  const [reached, setReached] = useState(false);
  const listed = useMemo(() => (reached ? orders : orders.filter((o) => o.id === initialOrderId)), [reached, orders, initialOrderId]);
  // Typing in a field renders the form again, not the options.
  const orderOptions = useMemo(
    () =>
      listed.map((o) => (
        <option key={o.id} value={o.id}>
          {orderLabel(o, o.id)} ({plural(o.quantity, 'card')})
        </option>
      )),
    [listed],
  );

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
    onSearch(next);
  };

  return (
    <>
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
          <select id="card-order" value={form.orderId} onPointerDown={() => setReached(true)} onFocus={() => setReached(true)} onChange={(e) => setForm({ ...form, orderId: e.target.value })}>
            <option value="">All orders</option>
            {orderOptions}
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
              setForm(EMPTY);
              setFormError(null);
              onSearch({});
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorText message={formError} />
    </>
  );
});
