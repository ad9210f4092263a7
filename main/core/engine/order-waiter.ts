import type { Order } from '../../../shared/domain';
import type { OrdersRepo } from '../store/repos/orders';
import type { ProgressHub } from './progress';
import type { TaskRegistry } from './task-registry';

/**
 * Resolves with the order once `reached` holds for it: at once, at the change that makes it so, or when its driver
 * stops (the engine stopped, or the order settled elsewhere), with the order as it then stands.
 */
export function waitForOrder(
  orders: Pick<OrdersRepo, 'get'>,
  hub: ProgressHub,
  tasks: TaskRegistry,
  orderId: number,
  reached: (order: Order) => boolean,
): Promise<Order> {
  const now = orders.get(orderId);
  if (reached(now)) return Promise.resolve(now);
  return new Promise<Order>((resolve) => {
    const finish = (order: Order) => {
      offProgress();
      offEnd();
      resolve(order);
    };
    const offProgress = hub.on((p) => {
      if (p.orderId !== orderId) return;
      const order = orders.get(orderId);
      if (reached(order)) finish(order);
    });
    const offEnd = tasks.onEnd((order) => {
      // A driver started again at once (a "check now" as the last one ended) carries the wait on.
      if (order.id === orderId && !tasks.get(orderId)) finish(orders.get(orderId));
    });
  });
}
