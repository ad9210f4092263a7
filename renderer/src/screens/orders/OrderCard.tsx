import { useState } from 'react';
import { SETTLED_STATES } from '../../../../shared/order-state-machine';
import type { OrderView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { NextCheck } from '../../components/NextCheck';
import { ProgressBar } from '../../components/ProgressBar';
import { StateBadge } from '../../components/StateBadge';
import { api, call, messageOf } from '../../lib/api';
import { formatDateTime, formatMoney, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';
import { prefillFrom } from '../wizard/prefill';
import { orderAdvice } from '../order-advice';
import { CardOutputs } from './CardOutputs';
import { AdviceBox } from './AdviceBox';
import { OrderActions } from './OrderActions';
import { QuarantinedCards } from './QuarantinedCards';

/** An order while it is followed (the wizard's last step): its progress, the next check, what to do, its actions. */
export function OrderCard({ order, headingLevel = 2 }: { order: OrderView; headingLevel?: 2 | 3 }) {
  const go = useApp((s) => s.go);
  const [error, setError] = useState<string | null>(null);
  const p = order.progress;
  const settled = SETTLED_STATES.includes(p.state);
  const advice = orderAdvice({ ...p, clientReference: order.clientReference });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = order.name ?? order.clientReference;
  // The wizard again, filled in from this order's lines, at the amounts: what the advice says to do.
  const editAndRetry = async () => {
    try {
      go('new-order', { prefill: prefillFrom(await call(api().orders.detail({ orderId: order.id })), 'retry') });
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <article className="panel order" aria-label={`Order ${title}`}>
      <div className="order-head">
        <Heading className={order.name ? undefined : 'mono'}>{title}</Heading>
        <StateBadge state={p.state} />
      </div>
      <p className="muted">
        Order {order.id} · {order.accountName} · {formatMoney(order.totalCents, order.currency)} · {plural(order.quantity, 'card')}
        {order.mode ? ` · ${order.mode}` : ''} · placed {formatDateTime(order.createdAt)}
      </p>
      <ProgressBar progress={p} label={`Progress of order ${title}`} />
      {!settled && p.nextPollAt !== null && (
        <p className="muted">
          Next check <NextCheck at={p.nextPollAt} />
        </p>
      )}
      {p.stateReason && !advice && <p className="muted">{p.stateReason}</p>}
      {advice && <AdviceBox advice={advice} bad={p.state === 'failed' || p.state === 'needs-attention'} />}
      <OrderActions order={order}>
        {p.state === 'failed' && advice?.retry !== false && (
          <button type="button" className="primary" onClick={() => void editAndRetry()}>
            Edit and retry
          </button>
        )}
        <button type="button" onClick={() => go('order', { orderId: order.id })}>
          Open its page
        </button>
      </OrderActions>
      <ErrorText message={error} />
      <QuarantinedCards order={order} />
      {p.state === 'complete' && <CardOutputs target={{ orderId: order.id }} idBase={`order-${order.id}`} />}
    </article>
  );
}
