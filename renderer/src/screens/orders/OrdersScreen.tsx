import { useCallback, useMemo } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { formatMoney, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';
import { FirstRunGuide } from './FirstRunGuide';
import { EMPTY_FORM, filterOf, HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { useHistoryForm } from './history-form';
import { useOrderHistory } from './use-order-history';

/** The order history: search, filters, sort and the totals of what is shown, over a table of any length. */
export function OrdersScreen() {
  const go = useApp((s) => s.go);
  const { form, change } = useHistoryForm();
  const filter = useMemo(() => filterOf(form), [form]);
  const { rows, totals, hasMore, loadMore, error, reload, unseen } = useOrderHistory(filter);
  const open = useCallback((orderId: number) => go('order', { orderId }), [go]);
  const filtered = JSON.stringify({ ...form, sort: '' }) !== JSON.stringify({ ...EMPTY_FORM, sort: '' });
  const none = totals !== null && totals.orders === 0 && !filtered;

  return (
    <section className="orders-screen" aria-labelledby="orders-title">
      <header className="screen-head">
        <h1 id="orders-title">Orders</h1>
        <div className="buttons">
          <button type="button" onClick={reload}>
            Refresh
          </button>
          <button type="button" className="primary" onClick={() => go('new-order')}>
            New order
          </button>
        </div>
      </header>
      {none ? (
        <>
          <p className="empty">No orders yet.</p>
          <FirstRunGuide />
        </>
      ) : (
        <>
          <HistoryFilters form={form} onChange={change} />
          <div className="history-summary">
            <p role="status" aria-live="polite" className="totals">
              {totals
                ? `${plural(totals.orders, 'order')} · ${plural(totals.cards, 'card')}${totals.byCurrency.map((c) => ` · ${formatMoney(c.totalCents, c.currency)}`).join('')}`
                : 'Counting…'}
            </p>
            {filtered && (
              <button type="button" className="link" onClick={() => change({ ...EMPTY_FORM, sort: form.sort })}>
                Clear the filters
              </button>
            )}
            {unseen > 0 && (
              <button type="button" className="link" onClick={reload}>
                {plural(unseen, 'order')} not shown yet: refresh
              </button>
            )}
          </div>
          <ErrorText message={error} />
          <HistoryTable rows={rows} hasMore={hasMore} loadMore={() => void loadMore()} open={open} empty={filtered ? 'No order matches these filters.' : 'No orders yet.'} />
        </>
      )}
    </section>
  );
}
