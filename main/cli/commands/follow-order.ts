import type { Order } from '../../../shared/domain';
import type { OrderSummary } from '../../core/app/orders';
import type { OrderProgress } from '../../core/engine/engine-api';
import { EXIT, type CliContext } from '../cli-context';

/**
 * Starts an order and prints its progress until it settles; returns the exit code its final state deserves.
 * Listens before starting, so that even the draft and the submit are reported.
 */
export async function followOrder(ctx: CliContext, start: () => Promise<Order>): Promise<number> {
  let orderId: number | null = null;
  const early: OrderProgress[] = [];
  let last = '';
  const print = (p: OrderProgress) => {
    const line = ctx.json ? JSON.stringify(progressLine(p)) : humanProgress(p);
    if (line !== last) (ctx.json ? ctx.out : ctx.err)(line);
    last = line;
  };
  const off = ctx.app.orders.onProgress((p) => {
    if (orderId === null) early.push(p);
    else if (p.orderId === orderId) print(p);
  });
  try {
    const placed = await start();
    orderId = placed.id;
    for (const p of early) if (p.orderId === orderId) print(p);
    await ctx.app.orders.settled(ctx.actor, orderId);
    const order = ctx.app.orders.get(ctx.actor, orderId);
    printSummary(ctx, order);
    return exitCodeFor(order);
  } finally {
    off();
  }
}

export function printSummary(ctx: CliContext, order: OrderSummary): void {
  const cards = order.progress.cardsStored;
  const summary = { order: order.id, reference: order.clientReference, state: order.state, quantity: order.quantity, cards, reason: order.stateReason };
  if (ctx.json) ctx.out(JSON.stringify(summary));
  else ctx.out(`order ${order.id} (${order.clientReference}): ${order.state}, ${cards} of ${order.quantity} cards${order.stateReason ? ` — ${order.stateReason}` : ''}`);
}

export function exitCodeFor(order: Pick<Order, 'state'>): number {
  return order.state === 'complete' ? EXIT.ok : EXIT.failed;
}

function progressLine(p: OrderProgress) {
  return {
    event: 'progress',
    order: p.orderId,
    state: p.state,
    percent: p.percent,
    cards: p.cardsStored,
    quantity: p.quantity,
    nextPollAt: p.nextPollAt === null ? null : new Date(p.nextPollAt).toISOString(),
    lastError: p.lastError,
  };
}

function humanProgress(p: OrderProgress): string {
  const next = p.nextPollAt ? `, next check ${new Date(p.nextPollAt).toLocaleTimeString()}` : '';
  const error = p.lastError ? ` (last error: ${p.lastError})` : '';
  return `order ${p.orderId}: ${p.state}${p.percent !== null ? ` ${p.percent}%` : ''}, ${p.cardsStored}/${p.quantity} cards${next}${error}`;
}
