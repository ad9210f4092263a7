/** How an order is named to a person: "order 12 'Staff party'", or "order 12" when it has no name of its own. */
export function orderLabel(order: { id: number; name: string | null }): string {
  return order.name ? `order ${order.id} '${order.name}'` : `order ${order.id}`;
}
