import { randomUUID } from 'node:crypto';
import type {
  CardPageRequest,
  CardPageResult,
  CatalogProduct,
  ProviderClient,
  ProviderOrderStatus,
  SubmitRequest,
  SubmitResult,
} from '../provider-client';
import { echoMismatches, ForeignAnswer, ProviderError } from '../provider-error';
import type { Transport, TransportAnswer, TransportRequest } from '../transport/http-transport';
import { parseAnswer } from '../transport/parse-answer';
import { mapEGifts } from './blackhawk-cards';
import { BLACKHAWK_LIMITS, BLACKHAWK_MAX_MS_TO_WAIT } from './blackhawk-limits';
import { catalogAnswer, codeRetrievalAnswer, orderInfoAnswer, submitAnswer, type OrderInfo } from './blackhawk-schemas';
import { blackhawkPhase } from './blackhawk-status';

const SUBMIT = '/rewardsOrderProcessing/v1/submitEgiftBulk';
const ORDER_INFO = '/rewardsOrderProcessing/v1/orderInfo/byKeys';
const CODES = '/rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys';
const CATALOG = '/rewardsCatalogProcessing/v1/clientProgram/byKey';

export interface BlackhawkClientOptions {
  transport: Transport;
  label: 'blackhawk' | 'sandbox';
  clientProgramNumber: string;
  /** How long Blackhawk holds a submit before answering 202 (0–30000). */
  millisecondsToWait: number;
  /** The submit's own timeout: it must outlast millisecondsToWait. */
  timeoutMs: number;
}

/** What Giftdesk says of a Blackhawk card's balance. */
export const BLACKHAWK_NO_BALANCE = 'balance not available from Blackhawk';

export function createBlackhawkClient(options: BlackhawkClientOptions): ProviderClient {
  const { transport, label, clientProgramNumber } = options;
  const msToWait = Math.max(0, Math.min(BLACKHAWK_MAX_MS_TO_WAIT, Math.round(options.millisecondsToWait)));
  const refuse = (endpoint: string, problem: string) =>
    new ProviderError({ provider: label, endpoint, httpStatus: null, providerCode: null, providerMessage: problem, errorClass: 'fatal' });

  /** An answer that names another requestId, orderNumber or client program than the one asked about is never taken up. */
  const checkEchoes = (answer: TransportAnswer, echoes: Parameters<typeof echoMismatches>[0]) => {
    const mismatches = echoMismatches(echoes);
    if (mismatches.length > 0) throw new ForeignAnswer({ provider: label, endpoint: answer.endpoint, httpStatus: answer.status, mismatches });
  };

  async function orderInfoBy(query: Record<string, string>, template: string, known: { requestId: string; orderNumber: string | null }): Promise<ProviderOrderStatus> {
    const req: TransportRequest = {
      method: 'GET',
      template,
      path: ORDER_INFO,
      query,
      // Every Blackhawk call carries its own requestId; reads get a fresh one.
      headers: { requestId: randomUUID() },
      idempotent: true,
      accept: [200],
    };
    const answer = await transport.request(req);
    const body = parseAnswer(transport, req, answer, orderInfoAnswer);
    const info = Array.isArray(body) ? pick(body, query.orderNumber, query.requestId) : body;
    if (!info) {
      throw new ProviderError({
        provider: label,
        endpoint: answer.endpoint,
        httpStatus: answer.status,
        providerCode: null,
        providerMessage: 'no order under these keys',
        errorClass: 'not-found',
      });
    }
    checkEchoes(answer, [
      { field: 'requestId', sent: known.requestId, got: info.requestId },
      { field: 'clientProgramNumber', sent: clientProgramNumber, got: info.clientProgramNumber },
      { field: 'orderNumber', sent: known.orderNumber, got: info.orderNumber },
    ]);
    return toStatus(info);
  }

  return {
    provider: 'blackhawk',
    limits: BLACKHAWK_LIMITS,

    async submit(request: SubmitRequest): Promise<SubmitResult> {
      const problem = checkSubmit(request);
      if (problem) throw refuse(`POST ${SUBMIT}`, problem);
      const req: TransportRequest = {
        method: 'POST',
        template: SUBMIT,
        path: SUBMIT,
        headers: { requestId: request.reference, millisecondsToWait: String(msToWait) },
        idempotent: false,
        accept: [200, 201, 202],
        timeoutMs: Math.max(options.timeoutMs, msToWait + 15_000),
        body: {
          clientProgramNumber,
          returnCardNumberAndPIN: true,
          orderDetails: request.lines.map((l) => ({
            quantity: l.quantity,
            amount: l.faceValueCents / 100,
            contentProvider: l.sku,
          })),
        },
      };
      const answer = await transport.request(req);
      const body = parseAnswer(transport, req, answer, submitAnswer);
      const done = body.isCompleted;
      const phase = done ? (body.success === false ? 'failed' : 'complete') : 'processing';
      return {
        status: {
          phase,
          label: done ? (body.success === false ? 'Not successful' : 'Completed') : 'In Process',
          providerOrderId: body.orderNumber ?? null,
          percentComplete: body.percentComplete ?? null,
          totalCards: null,
          cancel: { allowed: false, withinMinutes: null },
        },
        cards: null,
        currency: null,
      };
    },

    async findByReference(reference: string) {
      try {
        return await orderInfoBy({ requestId: reference, clientProgramNumber }, `${ORDER_INFO}?requestId={requestId}&clientProgramNumber={clientProgramNumber}`, { requestId: reference, orderNumber: null });
      } catch (e) {
        if (e instanceof ProviderError && e.errorClass === 'not-found') return null;
        throw e;
      }
    },

    status(order) {
      if (order.providerOrderId) {
        return orderInfoBy({ orderNumber: order.providerOrderId }, `${ORDER_INFO}?orderNumber={orderNumber}`, { requestId: order.reference, orderNumber: order.providerOrderId });
      }
      return orderInfoBy({ requestId: order.reference, clientProgramNumber }, `${ORDER_INFO}?requestId={requestId}&clientProgramNumber={clientProgramNumber}`, { requestId: order.reference, orderNumber: null });
    },

    /** Blackhawk hands over a whole order in one answer. */
    planPages(quantity: number): CardPageRequest[] {
      return quantity > 0 ? [{ offset: 0, limit: quantity }] : [];
    },

    async fetchCards(providerOrderId: string): Promise<CardPageResult> {
      const req: TransportRequest = {
        method: 'GET',
        template: `${CODES}?orderNumber={orderNumber}`,
        path: CODES,
        query: { orderNumber: providerOrderId },
        headers: { requestId: randomUUID() },
        idempotent: true,
        accept: [200],
      };
      const answer = await transport.request(req);
      const body = parseAnswer(transport, req, answer, codeRetrievalAnswer);
      checkEchoes(answer, [
        { field: 'orderNumber', sent: providerOrderId, got: body.orderNumber },
        { field: 'clientProgramNumber', sent: clientProgramNumber, got: body.clientProgramNumber },
      ]);
      // An empty eGifts list beside an orderStatus is a not-ready answer, not an order of no cards.
      if (body.eGifts && (body.eGifts.length > 0 || !body.orderStatus)) {
        const mapped = mapEGifts(body.eGifts);
        if (!mapped.ok) throw transport.malformed(req, answer.status, mapped.problem);
        return { state: 'ready', cards: mapped.cards, totalCards: body.quantity ?? null, currency: null };
      }
      // orderStatus is only present while the codes are not ready for pickup.
      if (!body.orderStatus) throw transport.malformed(req, answer.status, 'answer has neither eGifts nor orderStatus');
      const phase = blackhawkPhase(body.orderStatus);
      if (phase === 'cancelled') return { state: 'cancelled', label: body.orderStatus };
      if (phase === 'failed' || phase === 'partial') {
        throw new ProviderError({
          provider: label,
          endpoint: answer.endpoint,
          httpStatus: answer.status,
          providerCode: null,
          providerMessage: phase === 'failed' ? `the order is ${body.orderStatus}: no codes will come` : `the order is ${body.orderStatus}: not every card of it was issued`,
          errorClass: 'fatal',
        });
      }
      return { state: 'not-ready', label: body.orderStatus };
    },

    async cancel() {
      throw refuse('cancel', 'Blackhawk has no cancellation API; contact your account manager');
    },

    async balance() {
      return null;
    },

    // Blackhawk's bulk eGift API documents no balance call: say so, send nothing, never guess.
    async cardBalance() {
      return { state: 'not-available', reason: BLACKHAWK_NO_BALANCE };
    },

    async catalog(): Promise<CatalogProduct[]> {
      const req: TransportRequest = {
        method: 'GET',
        template: CATALOG,
        path: CATALOG,
        query: { clientProgramId: clientProgramNumber },
        headers: { requestId: randomUUID() },
        idempotent: true,
        accept: [200],
      };
      const body = parseAnswer(transport, req, await transport.request(req), catalogAnswer);
      return body.products.map((p) => {
        const allowed = p.valueRestrictions?.exclusivelyAllowedValues ?? [];
        return {
          code: p.contentProviderCode,
          name: p.productName ?? p.contentProviderCode,
          minCents: p.valueRestrictions?.minimum ?? null,
          maxCents: p.valueRestrictions?.maximum ?? null,
          allowedCents: allowed.length > 0 ? allowed : null,
        };
      });
    },
  };
}

function checkSubmit(request: SubmitRequest): string | null {
  const ref = request.reference;
  if (ref.length === 0 || ref.length > BLACKHAWK_LIMITS.maxReferenceLength) {
    return `the requestId must be 1 to ${BLACKHAWK_LIMITS.maxReferenceLength} characters`;
  }
  if (request.lines.length === 0) return 'the order has no lines';
  for (const line of request.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) return `line ${line.sku}: quantity must be a whole number ≥ 1`;
    if (!Number.isSafeInteger(line.faceValueCents) || line.faceValueCents < 1) return `line ${line.sku}: invalid amount`;
  }
  const quantity = request.lines.reduce((sum, l) => sum + l.quantity, 0);
  if (quantity > BLACKHAWK_LIMITS.maxQuantity) return `at most ${BLACKHAWK_LIMITS.maxQuantity} cards per request (this one has ${quantity})`;
  return null;
}

/** From a list, the record asked about; the first one otherwise, whose echoes are then checked like any other. */
function pick(list: OrderInfo[], orderNumber: string | undefined, requestId: string | undefined): OrderInfo | null {
  if (orderNumber) return list.find((o) => o.orderNumber === orderNumber) ?? null;
  return list.find((o) => o.requestId === requestId) ?? list[0] ?? null;
}

function toStatus(info: OrderInfo): ProviderOrderStatus {
  return {
    phase: blackhawkPhase(info.orderStatus),
    label: info.orderStatus,
    providerOrderId: info.orderNumber ?? null,
    percentComplete: null,
    totalCards: info.numberOfCards ?? null,
    cancel: { allowed: false, withinMinutes: null },
  };
}
