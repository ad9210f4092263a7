import { useApp } from '../../state/app-store';
import { OrderCard } from '../orders/OrderCard';
import { StepHeading } from './StepHeading';

export function StepProgress({ orderId, restart }: { orderId: number; restart(): void }) {
  const order = useApp((s) => s.orders.find((o) => o.id === orderId));
  return (
    <div className="wizard-progress">
      <StepHeading>Order placed</StepHeading>
      {order ? <OrderCard order={order} headingLevel={2} /> : <p className="muted">Loading the order…</p>}
      <div className="actions">
        <button type="button" onClick={restart}>
          Place another order
        </button>
      </div>
    </div>
  );
}
