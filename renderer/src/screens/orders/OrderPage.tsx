import { useCallback, useEffect, useState } from 'react';
import { auditSentencesNaming, auditWho } from '../../../../shared/audit-sentences';
import { SETTLED_STATES } from '../../../../shared/order-state-machine';
import type { OrderDetailView, OrderView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { NextCheck } from '../../components/NextCheck';
import { ProgressBar } from '../../components/ProgressBar';
import { AccountEnvironmentBadge } from '../../components/EnvironmentBadge';
import { StateBadge } from '../../components/StateBadge';
import { api, call, messageOf } from '../../lib/api';
import { formatDateTime, formatDateTimeSeconds, formatMoney, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';
import { orderAdvice } from '../order-advice';
import { prefillFrom } from '../wizard/prefill';
import { CardOutputs } from './CardOutputs';
import { AdviceBox } from './AdviceBox';
import { OrderActions } from './OrderActions';
import { OrderNaming } from './OrderNaming';
import { QuarantinedCards } from './QuarantinedCards';

const VIA = { desktop: 'the desktop app', cli: 'the command line', engine: 'the order engine', system: 'Giftdesk' } as const;

/** One order whole: what it is, where it stands, who placed it, what was made of it, and what can be done now. */
export function OrderPage({ orderId }: { orderId: number }) {
  const go = useApp((s) => s.go);
  const [detail, setDetail] = useState<OrderDetailView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await call(api().orders.detail({ orderId })));
    } catch (err) {
      setError(messageOf(err));
    }
  }, [orderId]);
  useEffect(() => void load(), [load]);

  // The progress follows main's events; a change of state (or of its cards) brings the rest of the page up to date.
  useEffect(
    () =>
      api().on('order.progress', (p) => {
        if (p.orderId !== orderId) return;
        setDetail((d) => {
          if (d && (d.order.progress.state !== p.state || (p.state === 'complete' && d.order.progress.cardsStored !== p.cardsStored))) void load();
          return d && { ...d, order: { ...d.order, state: p.state, progress: p } };
        });
      }),
    [orderId, load],
  );
  const replaced = (order: OrderView) => {
    setDetail((d) => d && { ...d, order });
    void load();
  };

  if (!detail) {
    return (
      <section aria-labelledby="order-title">
        <BackToOrders />
        <h1 id="order-title">Order {orderId}</h1>
        {error ? <ErrorText message={error} /> : <p className="muted">Loading the order…</p>}
      </section>
    );
  }
  const { order, lines, placedBy } = detail;
  const p = order.progress;
  const settled = SETTLED_STATES.includes(p.state);
  const advice = orderAdvice({ ...p, clientReference: order.clientReference });
  const sentence = auditSentencesNaming((id) => (id === order.id ? order.name : null));
  const title = order.name ?? `Order ${order.id}`;

  return (
    <section className="order-page" aria-labelledby="order-title">
      <BackToOrders />
      <article className="panel order" aria-label={`Order ${order.name ?? order.clientReference}`}>
        <div className="order-head">
          <h1 id="order-title">{title}</h1>
          <span className="badges">
            <StateBadge state={p.state} />
            <AccountEnvironmentBadge accountId={order.accountId} />
          </span>
        </div>
        {order.memo && <p className="memo">{order.memo}</p>}
        <dl className="facts">
          <div>
            <dt>Order</dt>
            <dd>{order.id}</dd>
          </div>
          <div>
            <dt>Account</dt>
            <dd>{order.accountName}</dd>
          </div>
          <div>
            <dt>Client reference (sent to the provider)</dt>
            <dd className="mono">{order.clientReference}</dd>
          </div>
          <div>
            <dt>Provider’s order id</dt>
            <dd className="mono">{order.providerOrderId ?? (settled ? 'None' : 'None yet')}</dd>
          </div>
          <div>
            <dt>Placed</dt>
            <dd>
              {formatDateTime(order.createdAt)}
              {placedBy ? ` by ${placedBy.user ?? 'an unknown user'} in ${VIA[placedBy.via]}` : ''}
            </dd>
          </div>
          <div>
            <dt>Value</dt>
            <dd className="total">{formatMoney(order.totalCents, order.currency)}</dd>
          </div>
          <div>
            <dt>Cards</dt>
            <dd>
              {p.cardsStored.toLocaleString()} of {plural(order.quantity, 'card')} stored{order.mode ? ` · ${order.mode}` : ''}
            </dd>
          </div>
          {!settled && p.nextPollAt !== null && (
            <div>
              <dt>Next check</dt>
              <dd>
                <NextCheck at={p.nextPollAt} />
              </dd>
            </div>
          )}
        </dl>
        {/* A failed or cancelled order that never had a card has no progress to show. */}
        {(p.cardsStored > 0 || !settled || p.state === 'complete') && <ProgressBar progress={p} label={`Progress of order ${order.id}`} />}
        {p.stateReason && !advice && <p className="muted">{p.stateReason}</p>}
        {advice && <AdviceBox advice={advice} bad={p.state === 'failed' || p.state === 'needs-attention'} />}
        <OrderActions order={order} changed={replaced}>
          {p.state === 'failed' && advice?.retry !== false && (
            <button type="button" className="primary" onClick={() => go('new-order', { prefill: prefillFrom(detail, 'retry') })}>
              Edit and retry
            </button>
          )}
          <button type="button" onClick={() => go('new-order', { prefill: prefillFrom(detail, 'again') })}>
            Order again
          </button>
        </OrderActions>
        <QuarantinedCards order={order} />
        {p.state === 'complete' && <CardOutputs target={{ orderId: order.id }} idBase={`order-${order.id}`} />}
      </article>

      <section className="panel" aria-labelledby="lines-title">
        <h2 id="lines-title">{lines.length === 1 ? 'Its line' : `Its ${lines.length} lines`}</h2>
        <table className="lines">
          <thead>
            <tr>
              <th>Product</th>
              <th>SKU</th>
              <th className="num">Value</th>
              <th className="num">Quantity</th>
              <th className="num">Stored</th>
              <th className="num">Line total</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.lineNo}>
                <td>{l.productName ?? '—'}</td>
                <td className="mono">{l.sku}</td>
                <td className="num">{formatMoney(l.faceValueCents, order.currency)}</td>
                <td className="num">{l.quantity.toLocaleString()}</td>
                <td className="num">{l.cardsStored.toLocaleString()}</td>
                <td className="num">{formatMoney(l.faceValueCents * l.quantity, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <OrderNaming key={`${order.name}|${order.memo}`} order={order} saved={replaced} />

      <section className="panel" aria-labelledby="outputs-title">
        <h2 id="outputs-title">Printed and exported</h2>
        {detail.outputs.length === 0 ? (
          <p className="muted">No card sheet or card file has been made of this order.</p>
        ) : (
          <EntryList entries={detail.outputs} sentence={sentence} label="Card sheets and files" />
        )}
      </section>

      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <EntryList entries={detail.timeline} sentence={sentence} label="What happened to this order, newest first" />
        {detail.timelineMore && <p className="muted">Older entries are in the Audit log (filter it on order {order.id}).</p>}
      </section>
    </section>
  );
}

function BackToOrders() {
  const go = useApp((s) => s.go);
  return (
    <button type="button" className="link back" onClick={() => go('orders')}>
      ← All orders
    </button>
  );
}

function EntryList({ entries, sentence, label }: { entries: OrderDetailView['timeline']; sentence(e: OrderDetailView['timeline'][number]): string; label: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id}>
          <time dateTime={new Date(e.at).toISOString()}>{formatDateTimeSeconds(e.at)}</time>
          <span className="muted"> · {auditWho(e.actor)}</span>
          <p>{sentence(e)}</p>
        </li>
      ))}
    </ol>
  );
}
