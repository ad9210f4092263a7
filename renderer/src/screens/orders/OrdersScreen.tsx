import { useEffect } from 'react';
import { useApp } from '../../state/app-store';
import { FirstRunGuide } from './FirstRunGuide';
import { OrderCard } from './OrderCard';

export function OrdersScreen() {
  const orders = useApp((s) => s.orders);
  const go = useApp((s) => s.go);
  useEffect(() => {
    void useApp.getState().loadOrders().catch(() => undefined);
  }, []);
  return (
    <section aria-labelledby="orders-title">
      <header className="screen-head">
        <h1 id="orders-title">Orders</h1>
        <button type="button" className="primary" onClick={() => go('new-order')}>
          New order
        </button>
      </header>
      {orders.length === 0 ? (
        <>
          <p className="empty">No orders yet.</p>
          <FirstRunGuide />
        </>
      ) : (
        <div className="order-list">
          {orders.map((o) => (
            <OrderCard key={o.id} order={o} headingLevel={2} />
          ))}
        </div>
      )}
    </section>
  );
}
