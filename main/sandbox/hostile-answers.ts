import type { Reply, SandboxRequest } from './http-kit';
import { isRecord } from './http-kit';
import type { HostileCase } from './hostile-cases';
import type { RouteKind, SandboxInsides } from './instruments';
import type { SandboxApi, SandboxOrder } from './types';

/** The route a request took, as far as a hostile answer needs to know. */
export interface RouteInfo {
  api: SandboxApi;
  kind: RouteKind;
}

/** What one hostile answer does: points the request at another order before it is handled, and/or rewrites the answer. */
export interface HostileMove {
  aim?(req: SandboxRequest): void;
  rewrite?(reply: Reply): Reply;
}

interface CaseSpec {
  applies(route: RouteInfo): boolean;
  move(insides: SandboxInsides, route: RouteInfo): HostileMove;
}

const withCards = (route: RouteInfo) => route.kind === 'cards' || (route.api === 'wpay' && route.kind === 'submit');

/** Rewrites every card of an answer that has cards (Wpay `cards`, Blackhawk `eGifts`). */
const eachCard = (change: (card: Record<string, unknown>, api: SandboxApi) => Record<string, unknown>) =>
  (_insides: SandboxInsides, route: RouteInfo): HostileMove => ({
    rewrite: (reply) => mapBody(reply, (body) => {
      const key = route.api === 'wpay' ? 'cards' : 'eGifts';
      const list = body[key];
      return Array.isArray(list) ? { ...body, [key]: list.map((c) => (isRecord(c) ? change(c, route.api) : c)) } : body;
    }),
  });

const SPECS: Record<HostileCase, CaseSpec> = {
  'card-value-low': { applies: withCards, move: eachCard((c) => ({ ...c, amount: tenth(c.amount) })) },
  'card-value-huge': { applies: withCards, move: eachCard((c) => ({ ...c, amount: '999999999999.99' })) },
  'card-product-other': {
    applies: withCards,
    move: eachCard((c, api) => (api === 'wpay' ? { ...c, sku: 'WWMOVIESBX' } : { ...c, contentProviderCode: 'Starbucks_eGift' })),
  },
  'card-currency-other': {
    applies: (r) => r.api === 'wpay' && withCards(r),
    move: () => ({ rewrite: (reply) => mapBody(reply, (b) => ('cards' in b ? { ...b, currency: { code: 'NZD', numericCode: '554', symbol: '$' } } : b)) }),
  },
  'cards-of-another-order': {
    applies: (r) => r.kind === 'cards',
    move: (insides, route) => ({
      aim(req) {
        if (route.api === 'wpay') req.params.orderId = otherOrder(insides, 'wpay', (o) => o.orderId === req.params.orderId)?.orderId ?? req.params.orderId!;
        else retargetQuery(req, 'orderNumber', otherOrder(insides, 'blackhawk', (o) => o.orderId === req.query.get('orderNumber'))?.orderId);
      },
    }),
  },
  'status-of-another-order': {
    applies: (r) => r.kind === 'lookup',
    move: (insides, route) => ({
      aim(req) {
        if (route.api === 'wpay') {
          req.params.refno = otherOrder(insides, 'wpay', (o) => o.reference === req.params.refno)?.reference ?? req.params.refno!;
        } else if (req.query.has('orderNumber')) {
          retargetQuery(req, 'orderNumber', otherOrder(insides, 'blackhawk', (o) => o.orderId === req.query.get('orderNumber'))?.orderId);
        } else {
          retargetQuery(req, 'requestId', otherOrder(insides, 'blackhawk', (o) => o.reference === req.query.get('requestId'))?.reference);
        }
      },
    }),
  },
  'submit-of-another-order': {
    applies: (r) => r.api === 'wpay' && r.kind === 'submit',
    move: (insides) => ({
      rewrite: (reply) => mapBody(reply, (b) => {
        const other = otherOrder(insides, 'wpay', (o) => o.reference === b.refno);
        return other && reply.orderTaken ? { ...b, refno: other.reference, orderId: other.orderId } : b;
      }),
    }),
  },
  'card-repeated': {
    applies: withCards,
    move: (_insides, route) => ({
      rewrite: (reply) => mapBody(reply, (body) => {
        const key = route.api === 'wpay' ? 'cards' : 'eGifts';
        const list = body[key];
        return Array.isArray(list) && list.length >= 2 ? { ...body, [key]: [...list.slice(0, -1), list[0]] } : body;
      }),
    }),
  },
  'total-off': {
    applies: (r) => r.kind === 'cards',
    move: (_insides, route) => ({
      rewrite: (reply) => mapBody(reply, (b) => {
        const key = route.api === 'wpay' ? 'total_cards' : 'quantity';
        return typeof b[key] === 'number' && (route.api === 'wpay' || Array.isArray(b.eGifts)) ? { ...b, [key]: (b[key] as number) + 7 } : b;
      }),
    }),
  },
};

/** The enabled cases that can apply to this route. */
export function hostileCandidates(enabled: readonly HostileCase[], route: RouteInfo): HostileCase[] {
  return enabled.filter((c) => SPECS[c].applies(route));
}

export function hostileMove(which: HostileCase, insides: SandboxInsides, route: RouteInfo): HostileMove {
  return SPECS[which].move(insides, route);
}

/** The latest order of the API that is not the one the request is about; undefined when there is none. */
function otherOrder(insides: SandboxInsides, api: SandboxApi, isOwn: (o: SandboxOrder) => boolean): SandboxOrder | undefined {
  return insides.store
    .all()
    .filter((o) => o.api === api && !o.foreign && !isOwn(o))
    .sort((a, b) => b.seq - a.seq)[0];
}

function retargetQuery(req: SandboxRequest, name: string, value: string | undefined): void {
  if (value !== undefined) req.query.set(name, value);
}

function mapBody(reply: Reply, change: (body: Record<string, unknown>) => Record<string, unknown>): Reply {
  return reply.status < 300 && isRecord(reply.body) ? { ...reply, body: change(reply.body) } : reply;
}

function tenth(amount: unknown): unknown {
  const n = typeof amount === 'string' ? Number(amount) : typeof amount === 'number' ? amount : NaN;
  return Number.isFinite(n) ? (Math.round(n * 10) / 100).toFixed(2) : amount;
}
