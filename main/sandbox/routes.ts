import { blackhawkCatalog, blackhawkOrderInfo, checkMerchant, eGiftBulkCodeRetrieval, submitEgiftBulk } from './blackhawk-handlers';
import type { SandboxContext } from './context';
import type { RouteKind } from './instruments';
import { header, isRecord, type Reply, type SandboxRequest } from './http-kit';
import type { SandboxApi } from './types';
import { checkWpayKey, placeWpayOrder, reverseWpayOrder, wpayBalance, wpayCardBalance, wpayCards, wpayOrderStatus } from './wpay-handlers';

export interface ApiRoute {
  method: string;
  pattern: RegExp;
  /** Method and path template, as counted in stats. */
  endpoint: string;
  api: SandboxApi;
  /** Which faults apply. A submit creates orders: the fault layer may take the order and then fail or drop the answer. */
  kind: RouteKind;
  /** For submits and lookups: the client reference the call is about, recorded in the call log. */
  reference?(req: SandboxRequest, ctx: SandboxContext): string | null;
  handle(req: SandboxRequest, ctx: SandboxContext): Reply | Promise<Reply>;
}

const WPAY = '/v1/partner/giftcards';
const BH = '/rewardsOrderProcessing/v1';

const route = (
  method: string,
  template: string,
  api: SandboxApi,
  handle: ApiRoute['handle'],
  kind: RouteKind = 'other',
  reference?: ApiRoute['reference'],
): ApiRoute => ({
  method,
  // {name} segments become named groups; everything else matches literally.
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
  endpoint: `${method} ${template}`,
  api,
  kind,
  ...(reference ? { reference } : {}),
  handle,
});

const wpayRefno = (req: SandboxRequest) => (isRecord(req.body) && typeof req.body.refno === 'string' ? req.body.refno : null);
const requestIdHeader = (req: SandboxRequest) => header(req, 'requestid') ?? null;
/** orderInfo is asked by requestId, or by orderNumber (then the reference is the one of the order it names). */
const orderInfoReference = (req: SandboxRequest, ctx: SandboxContext) => {
  const orderNumber = req.query.get('orderNumber');
  return orderNumber ? (ctx.store.get('blackhawk', orderNumber)?.reference ?? null) : req.query.get('requestId');
};

export const API_ROUTES: readonly ApiRoute[] = [
  route('POST', `${WPAY}/orders`, 'wpay', placeWpayOrder, 'submit', wpayRefno),
  route('GET', `${WPAY}/order/{refno}/status`, 'wpay', wpayOrderStatus, 'lookup', (req) => req.params.refno ?? null),
  route('GET', `${WPAY}/order/{orderId}/cards`, 'wpay', wpayCards, 'cards'),
  route('GET', `${WPAY}/sva/balance`, 'wpay', wpayBalance),
  route('POST', `${WPAY}/orders/reverse`, 'wpay', reverseWpayOrder),
  route('POST', `${WPAY}/balance`, 'wpay', wpayCardBalance),
  route('POST', `${BH}/submitEgiftBulk`, 'blackhawk', submitEgiftBulk, 'submit', requestIdHeader),
  route('GET', `${BH}/orderInfo/byKeys`, 'blackhawk', blackhawkOrderInfo, 'lookup', orderInfoReference),
  route('GET', `${BH}/eGiftBulkCodeRetrievalInfo/byKeys`, 'blackhawk', eGiftBulkCodeRetrieval, 'cards'),
  route('GET', '/rewardsCatalogProcessing/v1/clientProgram/byKey', 'blackhawk', blackhawkCatalog),
];

/** Each API's own credential check: Wpay's X-Api-Key, Blackhawk's merchantId. */
export function authenticate(api: SandboxApi, req: SandboxRequest, ctx: SandboxContext): Reply | null {
  return api === 'wpay' ? checkWpayKey(req, ctx) : checkMerchant(req, ctx);
}

export function matchRoute(method: string, path: string): { route: ApiRoute; params: Record<string, string> } | null {
  for (const r of API_ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeSegment(v)])) };
  }
  return null;
}

/** A malformed %-escape is kept as sent: it then simply matches no order. */
function decodeSegment(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
