import type { OrderView } from '../../../shared/ipc/views';

/** How an order is named wherever it is shown beside something of its own (a card row, a filter's list). */
export function orderLabel(order: Pick<OrderView, 'id' | 'clientReference' | 'name'> | undefined, id: number): string {
  return order ? (order.name ?? order.clientReference) : `order ${id}`;
}
