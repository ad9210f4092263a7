import type { Order } from '../../../../shared/domain';
import { NotFoundError } from '../../errors';
import type { AppDeps } from '../app-deps';

/** An order number that names no order: the person's input is at fault (field `orderId`), said the same everywhere. */
export class UnknownOrder extends NotFoundError {
  constructor(orderId: number) {
    super(`There is no order ${orderId} in this data folder.`, { field: 'orderId' });
  }
}

/** The order a person named, for every command that takes an order number. */
export function orderOf(deps: Pick<AppDeps, 'orders'>, orderId: number): Order {
  const order = deps.orders.find(orderId);
  if (!order) throw new UnknownOrder(orderId);
  return order;
}
