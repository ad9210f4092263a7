import { useState, type ReactNode } from 'react';
import { SETTLED_STATES } from '../../../../shared/order-state-machine';
import type { OrderView } from '../../../../shared/ipc/views';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';
import { orderLabel } from './order-label';

/**
 * What can be done with an order wherever it shows: check it now, see its cards, and, while the provider allows it,
 * ask for a reversal — last, in red, and only after a question in a dialog of the app's own. `children`: the page's own
 * actions, before the reversal.
 */
export function OrderActions({ order, changed, children }: { order: OrderView; changed?(order: OrderView): void; children?: ReactNode }) {
  const go = useApp((s) => s.go);
  const upsertOrder = useApp((s) => s.upsertOrder);
  const applyProgress = useApp((s) => s.applyProgress);
  const [busy, setBusy] = useState<'check' | 'cancel' | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = order.progress;
  const settled = SETTLED_STATES.includes(p.state);

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
  const reverse = async () => {
    setBusy('cancel');
    setError(null);
    try {
      const after = await call(api().orders.cancel({ orderId: order.id }));
      upsertOrder(after);
      changed?.(after);
      setAsking(false);
    } catch (err) {
      setError(messageOf(err));
      setAsking(false);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ErrorText message={error} />
      <div className="actions">
        {!settled || p.state === 'needs-attention' ? (
          <button type="button" onClick={() => void checkNow()} disabled={busy !== null}>
            {busy === 'check' ? 'Checking…' : 'Check now'}
          </button>
        ) : null}
        {p.cardsStored > 0 && (
          <button type="button" onClick={() => go('cards', { cardsOrderId: order.id })}>
            View {plural(p.cardsStored, 'card')}
          </button>
        )}
        {children}
        {order.canCancel && (
          <button type="button" className="danger" onClick={() => setAsking(true)} disabled={busy !== null}>
            Reverse order
          </button>
        )}
      </div>
      {asking && (
        <ConfirmDialog title={`Reverse ${orderLabel(order)}?`} confirm="Reverse order" danger busy={busy === 'cancel'} onConfirm={() => void reverse()} onCancel={() => setAsking(false)}>
          <p>
            Giftdesk asks {order.accountName}’s provider to reverse this order of {plural(order.quantity, 'card')} ({formatMoney(order.totalCents, order.currency)}), reference{' '}
            <span className="mono">{order.clientReference}</span>.
          </p>
          <p>Cards already used cannot be reversed. Cards of a reversed order stop working, so hand none of them out.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
