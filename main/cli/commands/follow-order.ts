import type { Order } from '../../../shared/domain';
import { isSettled } from '../../../shared/order-state-machine';
import type { OrderSummary } from '../../core/app/orders';
import type { OrderProgress } from '../../core/engine/engine-api';
import { EXIT, type CliContext } from '../cli-context';

/**
 * Starts orders (`order` places one, `resume` picks up every unfinished one) and prints their progress until they
 * settle, the same lines for both; returns the exit code the worst final state deserves. Listens before starting,
 * so that even the draft and the submit are reported.
 */
export async function followOrders(ctx: CliContext, start: () => Promise<readonly Order[]>): Promise<number> {
  let followed: Set<number> | null = null;
  const early: OrderProgress[] = [];
  const last = new Map<number, string>();
  const print = (p: OrderProgress) => {
    const line = ctx.json ? JSON.stringify(progressLine(p)) : humanProgress(p);
    if (line === last.get(p.orderId)) return;
    last.set(p.orderId, line);
    (ctx.json ? ctx.out : ctx.err)(line);
  };
  const off = ctx.app.orders.onProgress((p) => {
    if (followed === null) early.push(p);
    else if (followed.has(p.orderId)) print(p);
  });
  try {
    const started = await start();
    const ids = new Set(started.map((o) => o.id));
    followed = ids;
    for (const p of early) if (ids.has(p.orderId)) print(p);
    let code: number = EXIT.ok;
    for (const settled of await Promise.all(started.map((o) => ctx.app.orders.settled(ctx.actor, o.id)))) {
      const order = ctx.app.orders.get(ctx.actor, settled.id);
      printSummary(ctx, order);
      code = Math.max(code, exitCodeFor(order));
    }
    return code;
  } finally {
    off();
  }
}

/** The last line about an order: what it came to (one JSON object with --json). */
export function printSummary(ctx: CliContext, order: OrderSummary): void {
  const cards = order.progress.cardsStored;
  const summary = { order: order.id, reference: order.clientReference, state: order.state, quantity: order.quantity, cards, reason: order.stateReason };
  if (ctx.json) ctx.out(JSON.stringify(summary));
  else ctx.out(`order ${order.id} (${order.clientReference}): ${order.state}, ${cards} of ${order.quantity} cards${order.stateReason ? ` — ${order.stateReason}` : ''}${isSettled(order.state) ? '' : ` — ${STILL_OPEN}`}`);
}

const STILL_OPEN = 'still open: "resume" carries it on from where it stopped';

/**
 * What Ctrl-C leaves behind, said at once (the process exits 130 next): every order not settled, each of which a
 * `resume` carries on. Nothing is lost by stopping: each step of an order is committed as it happens.
 */
export function sayInterrupted(ctx: CliContext): void {
  const open = ctx.app.orders.open(ctx.actor);
  const sweeps = ctx.app.balances.open(ctx.actor);
  // Balance sweeps too: each card's answer is committed as it comes, and the next driver asks the rest.
  for (const s of sweeps) ctx.err(`Interrupted. Balance sweep ${s.sweepId} is ${STILL_OPEN} (${s.answered} of ${s.cards} cards answered).`);
  if (open.length === 0) ctx.err('Interrupted. No order is left open.');
  for (const o of open) {
    ctx.err(`Interrupted. Order ${o.id} (${o.clientReference}) is ${STILL_OPEN} (${o.state}, ${o.progress.cardsStored} of ${o.quantity} cards).`);
    if (ctx.json) printSummary(ctx, o);
  }
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
