import { useState } from 'react';
import { SETTLED_STATES } from '../../../../shared/order-state-machine';
import type { OrderView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { ProgressBar } from '../../components/ProgressBar';
import { StateBadge } from '../../components/StateBadge';
import { api, call, messageOf } from '../../lib/api';
import { formatDateTime, formatMoney, formatUntil } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useApp } from '../../state/app-store';
import { orderAdvice } from '../order-advice';
import { CardOutputs } from './CardOutputs';
import { QuarantinedCards } from './QuarantinedCards';

export function OrderCard({ order, headingLevel = 2 }: { order: OrderView; headingLevel?: 2 | 3 }) {
  const now = useNow();
  const go = useApp((s) => s.go);
  const upsertOrder = useApp((s) => s.upsertOrder);
  const applyProgress = useApp((s) => s.applyProgress);
  const [busy, setBusy] = useState<'check' | 'cancel' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const p = order.progress;
  const settled = SETTLED_STATES.includes(p.state);
  const advice = orderAdvice(order);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const checkNow = async () => {
    setBusy('check');
    setError(null);
    try {
      applyProgress(await call(api().orders.checkNow({ orderId: order.id })));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };
  const cancel = async () => {
    if (!window.confirm(`Ask the provider to reverse order ${order.clientReference}? Cards already used cannot be reversed.`)) return;
    setBusy('cancel');
    setError(null);
    try {
      upsertOrder(await call(api().orders.cancel({ orderId: order.id })));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <article className="panel order" aria-label={`Order ${order.clientReference}`}>
      <div className="order-head">
        <Heading className="mono">{order.clientReference}</Heading>
        <StateBadge state={p.state} />
      </div>
      <p className="muted">
        {order.accountName} · {formatMoney(order.totalCents, order.currency)} · {order.quantity.toLocaleString()} cards
        {order.mode ? ` · ${order.mode}` : ''} · placed {formatDateTime(order.createdAt)}
      </p>
      <ProgressBar progress={p} label={`Progress of order ${order.clientReference}`} />
      {!settled && p.nextPollAt !== null && <p className="muted">Next check {formatUntil(p.nextPollAt, now)}</p>}
      {p.stateReason && !advice && <p className="muted">{p.stateReason}</p>}
      {advice && (
        <div className={`advice ${p.state === 'failed' || p.state === 'needs-attention' ? 'bad' : ''}`}>
          <p>{advice.problem}</p>
          <p>
            <strong>What to do:</strong> {advice.next}
          </p>
        </div>
      )}
      <ErrorText message={error} />
      <div className="actions">
        {!settled || p.state === 'needs-attention' ? (
          <button type="button" onClick={() => void checkNow()} disabled={busy !== null}>
            {busy === 'check' ? 'Checking…' : 'Check now'}
          </button>
        ) : null}
        {order.canCancel && (
          <button type="button" className="danger" onClick={() => void cancel()} disabled={busy !== null}>
            {busy === 'cancel' ? 'Asking…' : 'Reverse order'}
          </button>
        )}
        {p.cardsStored > 0 && (
          <button type="button" onClick={() => go('cards', { cardsOrderId: order.id })}>
            View {p.cardsStored.toLocaleString()} cards
          </button>
        )}
      </div>
      <QuarantinedCards order={order} />
      {p.state === 'complete' && <CardOutputs target={{ orderId: order.id }} idBase={`order-${order.id}`} />}
    </article>
  );
}
