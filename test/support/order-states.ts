import { ORDER_EVENTS, ORDER_TRANSITIONS, type OrderEvent, type OrderState } from '../../shared/order-state-machine';
import type { Actor } from '../../main/core/audit/vocabulary';
import type { OrdersRepo } from '../../main/core/store/repos/orders';

const ENGINE: Actor = { via: 'engine', user: 'test' };

/** The shortest run of events the state machine allows from one state to another, or null when there is none. */
export function pathTo(from: OrderState, to: OrderState): OrderEvent[] | null {
  const queue: { state: OrderState; events: OrderEvent[] }[] = [{ state: from, events: [] }];
  const seen = new Set<OrderState>([from]);
  while (queue.length > 0) {
    const { state, events } = queue.shift()!;
    if (state === to) return events;
    for (const event of ORDER_EVENTS) {
      const next = ORDER_TRANSITIONS[state][event];
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push({ state: next, events: [...events, event] });
      }
    }
  }
  return null;
}

/** Moves a draft the legal way to the state a test needs (each step recorded as the engine's, as in real life). */
export function moveOrderTo(orders: OrdersRepo, orderId: number, to: OrderState, actor: Actor = ENGINE): void {
  const events = pathTo(orders.get(orderId).state, to);
  if (!events) throw new Error(`No way from ${orders.get(orderId).state} to ${to}`);
  for (const event of events) orders.transition(orderId, event, {}, actor, Date.now());
}
