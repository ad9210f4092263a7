import type { z } from 'zod';
import type {
  CardPageRequest,
  CardPageResult,
  OrderPhase,
  ProviderClient,
  ProviderOrderStatus,
  SubmitRequest,
  SubmitResult,
} from '../provider-client';
import { echoMismatches, ForeignAnswer, ProviderError } from '../provider-error';
import type { Transport, TransportAnswer, TransportRequest } from '../transport/http-transport';
import { parseAnswer } from '../transport/parse-answer';
import { mapWpayCards } from './wpay-cards';
import { wpayCurrencyCode } from './wpay-currency';
import { WPAY_LIMITS, wpayPageLimit } from './wpay-limits';
import {
  wpayBalanceAnswer,
  wpayCardBalanceAnswer,
  wpayCardsPage,
  wpayNotReady,
  wpayOrderAnswer,
  wpayReverseAnswer,
  wpayStatusAnswer,
  type wpayCancel,
  type wpayCurrency,
} from './wpay-schemas';

const ORDERS = '/v1/partner/giftcards/orders';
const REVERSAL_UNDER_WAY = '8221';
const STATUS = '/v1/partner/giftcards/order/{refno}/status';
const CARDS = '/v1/partner/giftcards/order/{orderId}/cards';
const BALANCE = '/v1/partner/giftcards/sva/balance';
const REVERSE = '/v1/partner/giftcards/orders/reverse';
const CARD_BALANCE = '/v1/partner/giftcards/balance';

export interface WpayClientOptions {
  transport: Transport;
  /** 'sandbox' when the built-in sandbox speaks Wpay, so messages say where they came from. */
  label: 'wpay' | 'sandbox';
}

export function createWpayClient({ transport, label }: WpayClientOptions): ProviderClient {
  const refuse = (template: string, method: 'GET' | 'POST', problem: string) =>
    new ProviderError({
      provider: label,
      endpoint: `${method} ${template}`,
      httpStatus: null,
      providerCode: null,
      providerMessage: problem,
      errorClass: 'fatal',
    });

  /** An answer that names another refno or orderId than the one asked about is never taken up. */
  const checkEchoes = (answer: TransportAnswer, echoes: Parameters<typeof echoMismatches>[0]) => {
    const mismatches = echoMismatches(echoes);
    if (mismatches.length > 0) throw new ForeignAnswer({ provider: label, endpoint: answer.endpoint, httpStatus: answer.status, mismatches });
  };

  async function orderStatus(reference: string, knownOrderId: string | null): Promise<ProviderOrderStatus> {
    const req: TransportRequest = {
      method: 'GET',
      template: STATUS,
      path: `/v1/partner/giftcards/order/${encodeURIComponent(reference)}/status`,
      idempotent: true,
      accept: [200],
    };
    const raw = await transport.request(req);
    const answer = parseAnswer(transport, req, raw, wpayStatusAnswer);
    checkEchoes(raw, [
      { field: 'refno', sent: reference, got: answer.refno },
      { field: 'orderId', sent: knownOrderId, got: answer.orderId },
    ]);
    return toStatus(answer, null);
  }

  return {
    provider: 'wpay',
    limits: WPAY_LIMITS,

    async submit(request: SubmitRequest): Promise<SubmitResult> {
      const problem = checkSubmit(request);
      if (problem) throw refuse(ORDERS, 'POST', problem);
      const currency = wpayCurrencyCode(request.currency);
      if (!currency) throw refuse(ORDERS, 'POST', `currency ${request.currency} has no Wpay code`);
      const totalCents = request.lines.reduce((sum, l) => sum + l.faceValueCents * l.quantity, 0);
      const req: TransportRequest = {
        method: 'POST',
        template: ORDERS,
        path: ORDERS,
        idempotent: false,
        accept: [200, 201, 202],
        body: {
          payments: [{ code: 'svc', amount: totalCents / 100 }],
          products: request.lines.map((l) => ({ sku: l.sku, price: l.faceValueCents / 100, qty: l.quantity, currency })),
          refno: request.reference,
          syncOnly: request.realtime,
        },
      };
      const answer = await transport.request(req);
      const order = parseAnswer(transport, req, answer, wpayOrderAnswer);
      checkEchoes(answer, [{ field: 'refno', sent: request.reference, got: order.refno }]);
      const status = toStatus(order, order.total_cards ?? null);
      const answerCurrency = currencyCode(order.currency);
      // A real-time order answered PROCESSING carries on as a batch order: no cards now, fetch them later.
      if (status.phase !== 'complete' || !order.cards) return { status, cards: null, currency: answerCurrency };
      const mapped = await mapWpayCards(order.cards);
      if (!mapped.ok) throw transport.malformed(req, answer.status, mapped.problem);
      return { status, cards: mapped.cards, currency: answerCurrency };
    },

    async findByReference(reference: string): Promise<ProviderOrderStatus | null> {
      try {
        return await orderStatus(reference, null);
      } catch (e) {
        if (e instanceof ProviderError && e.errorClass === 'not-found') return null;
        throw e;
      }
    },

    status(order) {
      return orderStatus(order.reference, order.providerOrderId);
    },

    planPages(quantity: number): CardPageRequest[] {
      const limit = wpayPageLimit(quantity);
      const pages: CardPageRequest[] = [];
      for (let offset = 0; offset < quantity; offset += limit) pages.push({ offset, limit });
      return pages;
    },

    async fetchCards(providerOrderId: string, page: CardPageRequest): Promise<CardPageResult> {
      if (page.limit <= 0 || page.offset < 0 || page.offset % page.limit !== 0) {
        throw refuse(CARDS, 'GET', `offset ${page.offset} is not a multiple of limit ${page.limit}`);
      }
      const req: TransportRequest = {
        method: 'GET',
        template: CARDS,
        path: `/v1/partner/giftcards/order/${encodeURIComponent(providerOrderId)}/cards`,
        query: { offset: page.offset, limit: page.limit },
        idempotent: true,
        // Later pages answer 201; 409 = cards still activating; 410 = order cancelled.
        accept: [200, 201, 409, 410],
      };
      const answer = await transport.request(req);
      if (answer.status === 409) {
        const body = wpayNotReady.safeParse(answer.body);
        return { state: 'not-ready', label: (body.success && (body.data?.state ?? body.data?.message)) || 'PROCESSING' };
      }
      if (answer.status === 410) return { state: 'cancelled', label: 'Cancelled' };
      const body = parseAnswer(transport, req, answer, wpayCardsPage);
      const mapped = await mapWpayCards(body.cards);
      if (!mapped.ok) throw transport.malformed(req, answer.status, mapped.problem);
      return { state: 'ready', cards: mapped.cards, totalCards: body.total_cards ?? null, currency: currencyCode(body.currency) };
    },

    async cancel(order) {
      const req: TransportRequest = {
        method: 'POST',
        template: REVERSE,
        path: REVERSE,
        body: { refno: order.reference },
        // A repeated reversal answers 200 "already cancelled", so repeating it does no harm.
        idempotent: true,
        accept: [200, 202],
      };
      let answer;
      try {
        answer = await transport.request(req);
      } catch (e) {
        // 8221: a reversal of this order is already in progress. Not a refusal: the order's status will say when it is done.
        if (e instanceof ProviderError && e.providerCode === REVERSAL_UNDER_WAY) {
          return { accepted: true, underWay: true, message: e.providerMessage ?? 'A reversal of this order is already under way' };
        }
        throw e;
      }
      const body = parseAnswer(transport, req, answer, wpayReverseAnswer);
      const fallback = answer.status === 202 ? 'Reversal accepted' : 'Order already cancelled';
      return { accepted: true, message: body?.message ?? fallback };
    },

    async balance() {
      const req: TransportRequest = { method: 'GET', template: BALANCE, path: BALANCE, idempotent: true, accept: [200] };
      const body = parseAnswer(transport, req, await transport.request(req), wpayBalanceAnswer);
      return { cents: body.balance, currency: currencyCode(body.currency) ?? 'AUD' };
    },

    async cardBalance(card) {
      if (!card.number) throw refuse(CARD_BALANCE, 'POST', 'the card has no number to ask about');
      const req: TransportRequest = {
        method: 'POST',
        template: CARD_BALANCE,
        path: CARD_BALANCE,
        body: { cardNumber: card.number, pin: card.pin ?? '' },
        idempotent: true,
        accept: [200],
        // Each try takes a slot of the account's rate window: the sweep repeats it, not the transport.
        attempts: 1,
        secrets: [card.number, ...(card.pin ? [card.pin] : [])],
      };
      const body = parseAnswer(transport, req, await transport.request(req), wpayCardBalanceAnswer);
      const currency = typeof body.currency === 'string' ? body.currency : (body.currency?.code ?? null);
      return { state: 'answered', balanceCents: body.balance, status: body.status.trim(), expiry: body.expiry ?? null, currency };
    },

    async catalog() {
      return null;
    },
  };
}

function currencyCode(currency: z.output<typeof wpayCurrency>): string | null {
  const code = typeof currency === 'string' ? currency : currency?.code;
  return code?.trim() ? code.trim() : null;
}

function checkSubmit(request: SubmitRequest): string | null {
  const ref = request.reference;
  if (ref.length === 0 || ref.length > WPAY_LIMITS.maxReferenceLength) {
    return `the refno must be 1 to ${WPAY_LIMITS.maxReferenceLength} characters`;
  }
  if (request.lines.length === 0) return 'the order has no lines';
  if (request.lines.length > WPAY_LIMITS.maxLines) return `at most ${WPAY_LIMITS.maxLines} lines per order`;
  for (const line of request.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) return `line ${line.sku}: quantity must be a whole number ≥ 1`;
    if (!Number.isSafeInteger(line.faceValueCents) || line.faceValueCents < 1) return `line ${line.sku}: invalid face value`;
  }
  const quantity = request.lines.reduce((sum, l) => sum + l.quantity, 0);
  const max = request.realtime ? WPAY_LIMITS.realtimeMaxQuantity ?? 0 : WPAY_LIMITS.maxQuantity;
  if (quantity > max) return `${request.realtime ? 'a real-time' : 'a batch'} order takes at most ${max} cards (this one has ${quantity})`;
  return null;
}

const PHASES: Record<string, OrderPhase> = {
  PENDING: 'pending',
  PROCESSING: 'processing',
  COMPLETE: 'complete',
  COMPLETED: 'complete',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
  REJECTED: 'failed',
};

function toStatus(
  answer: { status: string; statusLabel?: string | null; orderId?: string | null; cancel?: z.output<typeof wpayCancel> },
  totalCards: number | null,
): ProviderOrderStatus {
  const word = answer.status.trim().toUpperCase();
  return {
    // An unknown word is never guessed into an end state: the engine keeps asking for a while, then asks a person.
    phase: PHASES[word] ?? 'unknown',
    label: answer.statusLabel || answer.status,
    providerOrderId: answer.orderId ?? null,
    percentComplete: null,
    totalCards,
    cancel: answer.cancel
      ? { allowed: answer.cancel.allowed ?? false, withinMinutes: answer.cancel.allowedWithIn ?? null }
      : null,
  };
}
