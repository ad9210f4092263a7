import { formatCents } from '../../shared/money';
import type { SandboxContext } from './context';
import { header, isRecord, json, type Reply, type SandboxRequest } from './http-kit';
import { processingMs, progressAt } from './order-timeline';
import { orderQuantity } from './state-store';
import type { SandboxOrder } from './types';
import { parseWpayOrder, readRefno } from './wpay-order-request';
import { cardFault, shortEnd } from './card-faults';
import { AUD, cancelWindow, cardsPageBody, iso, statusBody, wpayError } from './wpay-wire';
import { cardStanding, findWpayCard } from './card-usage';

const MAX_PAGE = 500;
const notAvailable = () => wpayError(400, '5320', 'Order not available');
const cancelled = (): Reply => ({ status: 410, body: { state: 'CANCELED', code: '5324', message: 'Order has been cancelled', messages: ['Order has been cancelled'] } });
const notReady = (): Reply => ({ status: 409, body: { state: 'PROCESSING', message: 'Cards are being activated', messages: ['Cards are being activated'] } });

/** 401 AP01 unless the request carries the sandbox's key; null when it does. */
export function checkWpayKey(req: SandboxRequest, ctx: SandboxContext): Reply | null {
  return header(req, 'x-api-key') === ctx.store.identity.apiKey ? null : wpayError(401, 'AP01', 'Invalid API key');
}

export async function placeWpayOrder(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  if (req.invalidJson || !isRecord(req.body)) return wpayError(400, '5300', 'The request body is not valid JSON');
  const refno = readRefno(req.body);
  if (typeof refno !== 'string') return refno;
  ctx.stats.submitted(refno);
  const duplicate = (foreign: boolean): Reply => ({ ...wpayError(400, '5313', 'Duplicate reference number'), outcome: foreign ? 'foreign' : 'duplicate' });
  const existing = ctx.store.findByReference('wpay', refno);
  if (existing) return duplicate(existing.foreign === true);
  const parsed = parseWpayOrder(req.body, refno);
  if ('status' in parsed) return parsed;
  if (parsed.totalCents > ctx.store.availableBalanceCents()) return wpayError(400, '6063', 'Insufficient balance');

  const now = ctx.clock.now();
  const seq = ctx.store.nextSeq();
  if (req.plan.foreign) {
    // Someone else (another app, the partner portal) already placed an order under this refno: Wpay keeps theirs,
    // which is not ours (a card more on every line), so that a client that takes it up cannot find it complete.
    ctx.stats.fault('foreignReferences');
    const theirs = parsed.lines.map((l) => ({ ...l, quantity: l.quantity + 1 }));
    ctx.store.add({ ...newOrder(ctx, seq, refno, theirs, false, now), foreign: true });
    return duplicate(true);
  }
  const order = newOrder(ctx, seq, refno, parsed.lines, parsed.syncOnly, now);
  ctx.store.add(order);

  if (order.realtime && order.readyAt - now <= ctx.processing.realtimeWaitMs) {
    await ctx.clock.sleep(order.readyAt - now, req.signal);
    const quantity = orderQuantity(order);
    const done = ctx.clock.now();
    // The real-time answer: the order's status with the activated cards inline (currency comes with the page).
    const body = { ...statusBody(order, progressAt(order, done), done), payments: [{ code: 'svc' }], ...cardsPageBody(order, ctx.cards, 0, quantity, quantity) };
    return { status: 201, orderTaken: true, outcome: 'taken', body };
  }
  return {
    status: 202,
    orderTaken: true,
    outcome: 'taken',
    body: { status: 'PROCESSING', orderId: order.orderId, refno, cancel: cancelWindow(order, now), currency: AUD, payments: [{ code: 'svc' }] },
  };
}

function newOrder(ctx: SandboxContext, seq: number, refno: string, lines: SandboxOrder['lines'], realtime: boolean, now: number): SandboxOrder {
  return {
    seq,
    api: 'wpay',
    orderId: `SBX${9_200_000_000 + seq}`,
    reference: refno,
    lines,
    acceptedAt: now,
    readyAt: now + processingMs(ctx.processing, orderQuantity({ lines })),
    realtime,
    returnCardNumberAndPin: true,
    cancelWithinMinutes: ctx.processing.reverseWithinMinutes,
    cancelledAt: null,
  };
}

export function wpayOrderStatus(req: SandboxRequest, ctx: SandboxContext): Reply {
  const order = ctx.store.findByReference('wpay', req.params.refno ?? '');
  if (!order) return { ...notAvailable(), outcome: 'not-found' };
  if (req.plan.refuse) {
    ctx.stats.fault('refusedStatus');
    return wpayError(401, 'AP01', 'Invalid API key');
  }
  const now = ctx.clock.now();
  return { ...json(200, statusBody(order, progressAt(order, now), now)), outcome: 'found' };
}

export function wpayCards(req: SandboxRequest, ctx: SandboxContext): Reply {
  const order = ctx.store.get('wpay', req.params.orderId ?? '');
  if (!order) return notAvailable();
  if (req.plan.refuse) {
    ctx.stats.fault('refusedCards');
    return wpayError(401, 'AP01', 'Invalid API key');
  }
  const limit = req.query.has('limit') ? Number(req.query.get('limit')) : 100;
  const offset = req.query.has('offset') ? Number(req.query.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) return wpayError(400, '5300', `limit must be between 1 and ${MAX_PAGE}`);
  if (!Number.isInteger(offset) || offset < 0) return wpayError(400, '5300', 'offset must be a whole number of at least 0');

  const now = ctx.clock.now();
  const progress = progressAt(order, now);
  if (progress.phase === 'cancelled') return cancelled();
  const fault = cardFault(req, ctx, order, now, progress.phase === 'complete');
  if (fault === 'cancelled') return cancelled();
  if (progress.phase !== 'complete' || fault === 'not-ready') return notReady();

  // offset counts pages of `limit`: any offset inside a page answers that whole page (offsets 0–99 → page one).
  const total = orderQuantity(order);
  const start = Math.min(Math.floor(offset / limit) * limit, total);
  const end = Math.min(total, start + limit);
  return json(start === 0 ? 200 : 201, cardsPageBody(order, ctx.cards, start, fault === 'short' ? shortEnd(start, end) : end, total));
}

export function wpayBalance(_req: SandboxRequest, ctx: SandboxContext): Reply {
  const expiry = new Date(ctx.clock.now() + 365 * 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return json(200, { balance: formatCents(ctx.store.availableBalanceCents()), expiry, status: 'ACTIVATED', currency: AUD });
}

const AUD_IN_FULL = { ...AUD, countryName: 'AUSTRALIA', currencyName: 'Australian Dollar' };

/**
 * One card's balance, as Wpay's "Individual Gift Card" page shows it. At most the limit in any window (50 a minute):
 * beyond it, 429 with Retry-After. The card must be one of the sandbox's, with its PIN.
 */
export function wpayCardBalance(req: SandboxRequest, ctx: SandboxContext): Reply {
  const now = ctx.clock.now();
  const over = ctx.balanceWindow.arrive(now);
  if (over) {
    const seconds = Math.max(1, Math.ceil(over.retryAfterMs / 1000));
    // The provider's own limit, not a fault: worded apart from the fault layer's 429 (which the app's bundle lacks).
    const message = `Balance check limit of ${ctx.balances.limit} reached; try again in ${seconds} s`;
    return { status: 429, headers: { 'retry-after': String(seconds) }, body: { code: '429', message, messages: [message] } };
  }
  if (req.invalidJson || !isRecord(req.body)) return wpayError(400, '5300', 'The request body is not valid JSON');
  const { cardNumber, pin } = req.body;
  if (typeof cardNumber !== 'string' || typeof pin !== 'string') return wpayError(400, '5300', 'cardNumber and pin are required');
  const found = findWpayCard(ctx.store, ctx.cards, cardNumber.trim(), pin.trim());
  // Like a real edge that echoes what it was sent, this says the number back: clients must scrub it.
  if (!found) return wpayError(400, '10001', `Card ${cardNumber} not found or PIN ${pin} does not match`);
  const standing = cardStanding(ctx.cards, found.order, found.index, found.faceCents, now, ctx.balances.spendOverMs);
  const expiry = iso(standing.expiryMs);
  ctx.stats.balanceAnswered(cardNumber, { balanceCents: standing.balanceCents, status: standing.status, expiry });
  return json(200, {
    cardNumber,
    balance: formatCents(standing.balanceCents),
    expiry,
    status: standing.status,
    currency: AUD_IN_FULL,
    additionalTxnFields: { extendedParameters: null, responseCode: '0' },
  });
}

export function reverseWpayOrder(req: SandboxRequest, ctx: SandboxContext): Reply {
  if (req.invalidJson || !isRecord(req.body) || typeof req.body.refno !== 'string') return wpayError(400, '5300', 'refno is required');
  const order = ctx.store.findByReference('wpay', req.body.refno);
  if (!order) return notAvailable();
  if (order.cancelledAt !== null) {
    return json(200, { status: 'CANCELED', refno: order.reference, orderId: order.orderId, message: 'Order already cancelled' });
  }
  const now = ctx.clock.now();
  if (!cancelWindow(order, now).allowed) {
    return wpayError(400, '10467', `Reverse allowed within ${order.cancelWithinMinutes} Minutes`);
  }
  ctx.store.markCancelled(order, now);
  return json(202, { status: 'PROCESSING', statusLabel: 'Reversal in progress', refno: order.reference, orderId: order.orderId, message: 'Reversal request accepted' });
}
