import type { SandboxContext } from './context';
import { BLACKHAWK_PRODUCTS } from './catalog';
import { header, json, type Reply, type SandboxRequest } from './http-kit';
import { parseBlackhawkOrder } from './blackhawk-order-request';
import { bhError, orderInfoBody, orderNotFound, orderStatusWords } from './blackhawk-wire';
import { cardFault, shortEnd } from './card-faults';
import { processingMs, progressAt } from './order-timeline';
import { orderQuantity } from './state-store';
import type { SandboxOrder } from './types';

const MAX_REQUEST_ID = 50;
const DEFAULT_WAIT_MS = 2000;
/** Checks the clock this often while holding a submit open, so that a moved test clock is noticed. */
const WAIT_TICK_MS = 50;

/** The merchantId header stands in for the account (the sandbox has no mutual TLS); null when it matches. */
export function checkMerchant(req: SandboxRequest, ctx: SandboxContext): Reply | null {
  const merchantId = header(req, 'merchantid');
  if (!merchantId) return bhError(400, 'merchantId.required', 'The merchantId header is required');
  return merchantId === ctx.store.identity.merchantId ? null : bhError(401, 'merchantId.invalid', 'merchantId is not valid for this client');
}

export async function submitEgiftBulk(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  const requestId = header(req, 'requestid');
  if (!requestId || requestId.length > MAX_REQUEST_ID) {
    return bhError(400, 'requestId.invalid', `The requestId header is required and must be at most ${MAX_REQUEST_ID} characters`);
  }
  const waitText = header(req, 'millisecondstowait');
  const waitMs = waitText === undefined ? DEFAULT_WAIT_MS : Number(waitText);
  if (!Number.isInteger(waitMs) || waitMs < 0 || waitMs > 30_000) {
    return bhError(400, 'millisecondsToWait.invalid', 'millisecondsToWait must be a whole number from 0 to 30000');
  }
  ctx.stats.submitted(requestId);

  // The same requestId is Blackhawk's safe retry: it answers about the order already taken, never a second one.
  const existing = ctx.store.findByReference('blackhawk', requestId);
  if (existing) return { ...(await answerSubmit(existing, waitMs, req, ctx)), orderTaken: true, outcome: 'existing' };

  if (req.invalidJson) return bhError(400, 'request.invalid', 'The request body is not valid JSON');
  const parsed = parseBlackhawkOrder(req.body, ctx.store.identity.clientProgramNumber);
  if ('status' in parsed) return parsed;

  const now = ctx.clock.now();
  const seq = ctx.store.nextSeq();
  const order: SandboxOrder = {
    seq,
    api: 'blackhawk',
    orderId: String(401_000_000 + seq),
    reference: requestId,
    lines: parsed.lines,
    acceptedAt: now,
    readyAt: now + processingMs(ctx.processing, orderQuantity(parsed)),
    realtime: false,
    returnCardNumberAndPin: parsed.returnCardNumberAndPin,
    cancelWithinMinutes: 0,
    cancelledAt: null,
  };
  ctx.store.add(order);
  return { ...(await answerSubmit(order, waitMs, req, ctx)), orderTaken: true, outcome: 'taken' };
}

async function answerSubmit(order: SandboxOrder, waitMs: number, req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  const deadline = ctx.clock.now() + waitMs;
  for (let now = ctx.clock.now(); now < deadline && now < order.readyAt; now = ctx.clock.now()) {
    await ctx.clock.sleep(Math.min(WAIT_TICK_MS, deadline - now, order.readyAt - now), req.signal);
  }
  const progress = progressAt(order, ctx.clock.now());
  const transactionId = ctx.cards.transactionId(order);
  // millisecondsToWait=0 always goes asynchronous.
  if (progress.phase === 'complete' && waitMs > 0) {
    return json(201, { transactionId, isCompleted: true, percentComplete: 100, success: true, orderNumber: order.orderId });
  }
  return json(202, { transactionId, isCompleted: false, percentComplete: Math.min(99, progress.percent), success: false });
}

export function blackhawkOrderInfo(req: SandboxRequest, ctx: SandboxContext): Reply {
  const cpn = ctx.store.identity.clientProgramNumber;
  const orderNumber = req.query.get('orderNumber');
  const requestId = req.query.get('requestId');
  let order: SandboxOrder | undefined;
  if (orderNumber) order = ctx.store.get('blackhawk', orderNumber);
  else if (requestId) {
    const program = req.query.get('clientProgramNumber');
    if (!program) return bhError(400, 'clientProgramNumber.required', 'clientProgramNumber is required with requestId');
    order = program === cpn ? ctx.store.findByReference('blackhawk', requestId) : undefined;
  } else return bhError(400, 'orderNumber.required', 'Give orderNumber, or requestId and clientProgramNumber');
  if (!order) return { ...orderNotFound(), outcome: 'not-found' };
  if (req.plan.refuse) {
    ctx.stats.fault('refusedStatus');
    return bhError(403, 'access.denied', 'The client is not allowed to view this order');
  }
  return { ...json(200, orderInfoBody(order, progressAt(order, ctx.clock.now()), cpn)), outcome: 'found' };
}

export function eGiftBulkCodeRetrieval(req: SandboxRequest, ctx: SandboxContext): Reply {
  const orderNumber = req.query.get('orderNumber');
  if (!orderNumber) return bhError(400, 'orderNumber.required', 'orderNumber is required');
  const order = ctx.store.get('blackhawk', orderNumber);
  if (!order) return orderNotFound();
  if (req.plan.refuse) {
    ctx.stats.fault('refusedCards');
    return bhError(403, 'access.denied', 'The client is not allowed to retrieve the codes of this order');
  }
  const clientProgramNumber = Number(ctx.store.identity.clientProgramNumber);
  const now = ctx.clock.now();
  const before = progressAt(order, now);
  const fault = before.phase === 'cancelled' ? null : cardFault(req, ctx, order, now, before.phase === 'complete');
  const progress = fault === 'cancelled' ? progressAt(ctx.store.get('blackhawk', orderNumber)!, now) : before;
  // Not ready: orderStatus and quantity 0, no eGifts (as documented); ready: eGifts and no orderStatus.
  if (progress.phase !== 'complete' || fault === 'not-ready') {
    const orderStatus = fault === 'not-ready' ? 'In Process' : orderStatusWords(progress);
    return json(200, { clientProgramNumber, orderNumber, orderStatus, quantity: 0 });
  }
  const quantity = orderQuantity(order);
  const eGifts = [];
  for (let i = 0; i < (fault === 'short' ? shortEnd(0, quantity) : quantity); i++) {
    const card = ctx.cards.card(order, i);
    const line = order.lines[card.lineIndex]!;
    const base = { url: card.url, contentProviderCode: line.sku, amount: line.amountCents / 100 };
    eGifts.push(order.returnCardNumberAndPin ? { ...base, pin: card.pin, barCodeValue: card.barcode, cardNumber: card.cardNumber } : base);
  }
  return json(200, { clientProgramNumber, orderNumber, quantity, eGifts });
}

export function blackhawkCatalog(req: SandboxRequest, ctx: SandboxContext): Reply {
  const cpn = ctx.store.identity.clientProgramNumber;
  const asked = req.query.get('clientProgramNumber') ?? req.query.get('clientProgramId');
  if (asked && asked !== cpn) return bhError(404, 'clientProgram.not.found', 'No client program was found for the given key');
  return json(200, {
    clientProgramNumber: cpn,
    programName: 'Giftdesk Sandbox Program',
    currency: 'USD',
    products: BLACKHAWK_PRODUCTS.map((p) => ({
      contentProviderCode: p.contentProviderCode,
      productName: p.productName,
      valueRestrictions: { minimum: p.minimum, maximum: p.maximum, exclusivelyAllowedValues: p.exclusivelyAllowedValues ?? [] },
      productImage: `https://images.sandbox.giftdesk.invalid/bhn/${p.contentProviderCode}.png`,
      termsAndConditions: `Sandbox product: ${p.productName} cards have no value.`,
    })),
  });
}
