import { useEffect, useState } from 'react';
import type { OverviewView } from '../../../../shared/ipc/overview-views';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { ErrorText } from '../../components/ErrorText';
import { isLow, PrepaidBalance } from '../../components/PrepaidBalance';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';
import { useAccountBalances } from '../../lib/use-account-balances';
import { useApp } from '../../state/app-store';
import { FirstRunGuide } from '../orders/FirstRunGuide';
import { LowBalanceThreshold } from './LowBalanceThreshold';
import { OrdersToLookAt } from './OrdersToLookAt';

/**
 * What the app opens on: each account's prepaid balance (with the low-balance warning set here), spend this month
 * and quarter, the orders to look at, stock and what expires soon. Until there is an order, the first-run guide.
 */
export function OverviewScreen() {
  const accounts = useApp((s) => s.accounts);
  const settingsThreshold = useApp((s) => s.settings?.lowBalanceCents);
  const go = useApp((s) => s.go);
  const [overview, setOverview] = useState<OverviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const balances = useAccountBalances(accounts.map((a) => a.id));
  useEffect(() => {
    call(api().overview.get({})).then(setOverview, (err: unknown) => setError(messageOf(err)));
  }, []);
  const threshold = settingsThreshold === undefined ? (overview?.lowBalanceCents ?? null) : settingsThreshold;
  const low = accounts.filter((a) => isLow(balances[a.id], threshold));

  return (
    <section aria-labelledby="overview-title" className="overview">
      <header className="screen-head">
        <h1 id="overview-title">Overview</h1>
        <button type="button" className="primary" onClick={() => go('new-order')}>
          New order
        </button>
      </header>
      <ErrorText message={error} />
      {!overview && !error && <p className="muted">Reading the store…</p>}
      {overview && !overview.hasOrders && <FirstRunGuide />}
      {overview && overview.hasOrders && (
        <div className="overview-grid">
          <section className="panel balances-panel" aria-labelledby="ov-balances">
            <h2 id="ov-balances">Prepaid balances</h2>
            {low.length > 0 && (
              <p className="warning" role="alert">
                {low.length === 1 ? `${low[0]!.name} is` : `${low.length} accounts are`} below your low-balance threshold: top up before the next order.
              </p>
            )}
            <ul className="balance-list">
              {accounts.map((a) => (
                <li key={a.id} aria-label={a.name}>
                  <span>
                    {a.name} <EnvironmentBadge account={a} />
                  </span>
                  <PrepaidBalance state={balances[a.id]} thresholdCents={threshold} />
                </li>
              ))}
            </ul>
            <LowBalanceThreshold />
          </section>
          <section className="panel" aria-labelledby="ov-spend">
            <h2 id="ov-spend">Spend</h2>
            <SpendLine label="This month" figure={overview.month} />
            <SpendLine label="This quarter" figure={overview.quarter} />
            <p className="hint">What providers accepted, less reversals, by acceptance date. Sandbox orders cost nothing and are not counted.</p>
            <button type="button" className="link" onClick={() => go('reports')}>
              Spend by account and month…
            </button>
          </section>
          <OrdersToLookAt title="Need attention" empty="No order needs you." pointers={overview.needsAttention} />
          <OrdersToLookAt title="Failed in the last 30 days" empty="No order failed in the last 30 days." pointers={overview.failed} />
          <section className="panel" aria-labelledby="ov-stock">
            <h2 id="ov-stock">Stock</h2>
            <dl className="facts">
              <div>
                <dt>In stock</dt>
                <dd>{figures(overview.inStock, 'No cards in stock')}</dd>
              </div>
              <div>
                <dt>Expiring within 30 days</dt>
                <dd className={overview.expiringSoon.length > 0 ? 'expiring' : ''}>{figures(overview.expiringSoon, 'None')}</dd>
              </div>
              {overview.sandboxInStock > 0 && (
                <div>
                  <dt>Sandbox cards</dt>
                  <dd>{plural(overview.sandboxInStock, 'card')} in stock (worth nothing)</dd>
                </div>
              )}
            </dl>
            <div className="actions">
              <button type="button" onClick={() => go('stock')}>
                Stock…
              </button>
              <button type="button" onClick={() => go('balances')}>
                Expiring cards…
              </button>
            </div>
          </section>
        </div>
      )}
    </section>
  );
}

function SpendLine({ label, figure }: { label: string; figure: OverviewView['month'] }) {
  return (
    <div className="spend-line">
      <span className="spend-label">{label}</span>
      <span className="spend-amount">{figure.spend.length === 0 ? 'Nothing' : figure.spend.map((s) => formatMoney(s.cents, s.currency)).join(' + ')}</span>
      <span className="muted">
        {figure.spend.length === 0 ? 'no orders' : `${plural(sum(figure.spend, 'orders'), 'order')}, ${plural(sum(figure.spend, 'cards'), 'card')}`}
      </span>
    </div>
  );
}

const sum = (rows: readonly { orders: number; cards: number }[], key: 'orders' | 'cards') => rows.reduce((n, r) => n + r[key], 0);

function figures(list: OverviewView['inStock'], none: string): string {
  if (list.length === 0) return none;
  return list.map((f) => `${plural(f.cards, 'card')}, ${formatMoney(f.cents, f.currency)}`).join('; ');
}
