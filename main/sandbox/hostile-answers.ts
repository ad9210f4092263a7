import type { Reply, SandboxRequest } from './http-kit';
import { isRecord } from './http-kit';
import type { HostileCase } from './hostile-cases';
import type { RouteKind, SandboxInsides } from './instruments';
import type { SandboxApi, SandboxOrder } from './types';

/** The route a request took, as far as a hostile answer needs to know. */
export interface RouteInfo {
  api: SandboxApi;
  kind: RouteKind;
  /** Method and path template, as counted in stats. */
  endpoint: string;
}

/** What one hostile answer does: points the request at another order before it is handled, and/or rewrites the answer. */
export interface HostileMove {
  aim?(req: SandboxRequest): void;
  /** An answer given instead of handling the request at all (nothing is taken or looked up). */
  instead?(req: SandboxRequest): Reply;
  rewrite?(reply: Reply): Reply;
}

interface CaseSpec {
  applies(route: RouteInfo): boolean;
  move(insides: SandboxInsides, route: RouteInfo): HostileMove;
}

const withCards = (route: RouteInfo) => route.kind === 'cards' || (route.api === 'wpay' && route.kind === 'submit');

/** Rewrites every card of an answer that has cards (Wpay `cards`, Blackhawk `eGifts`). */
const eachCard = (change: (card: Record<string, unknown>, api: SandboxApi, index: number) => Record<string, unknown>) =>
  (_insides: SandboxInsides, route: RouteInfo): HostileMove => ({
    rewrite: (reply) => mapBody(reply, (body) => {
      const key = route.api === 'wpay' ? 'cards' : 'eGifts';
      const list = body[key];
      return Array.isArray(list) ? { ...body, [key]: list.map((c, i) => (isRecord(c) ? change(c, route.api, i) : c)) } : body;
    }),
  });

const SPECS = {
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
} satisfies Partial<Record<HostileCase, CaseSpec>>;

const REVERSE = 'POST /v1/partner/giftcards/orders/reverse';
const DEEP = '\u0000deep\u0000';

const wpayError = (status: number, code: string, message: string, messages = [message]): Reply => ({ status, body: { code, message, messages } });
const bhError = (status: number, errorCode: string, message: string): Reply => ({ status, body: { errors: [{ errorCode, message }] } });

/** Rewrites the status word of a status answer (Wpay `status`/`statusLabel`, Blackhawk `orderStatus`). */
const statusWord = (wpay: string, blackhawk: string): CaseSpec['move'] => (_insides, route) => ({
  rewrite: (reply) => mapBody(reply, (b) => (route.api === 'wpay' ? { ...b, status: wpay, statusLabel: wpay } : { ...b, orderStatus: blackhawk })),
});

const MORE_SPECS: Record<Exclude<HostileCase, keyof typeof SPECS>, CaseSpec> = {
  'submit-product-not-found': {
    applies: (r) => r.api === 'blackhawk' && r.kind === 'submit',
    move: () => ({ instead: () => ({ ...bhError(400, 'orderDetails.contentProvider.notFound', 'The content provider of an order line was not found'), outcome: 'refused' }) }),
  },
  'submit-lost': {
    applies: (r) => r.kind === 'submit',
    move: (_insides, route) => ({
      instead: () =>
        route.api === 'wpay'
          ? { ...wpayError(503, '6053', 'Please retry after some time'), outcome: 'server-error' }
          : { ...bhError(503, 'system.error', 'Blackhawk Network encountered an internal error'), outcome: 'server-error' },
    }),
  },
  'cards-not-found': {
    applies: (r) => r.kind === 'cards',
    move: (_insides, route) => ({
      instead: () => (route.api === 'wpay' ? wpayError(400, '5320', 'Order not available') : bhError(404, 'eGiftBulk.order.not.found', 'No order was found for the given keys')),
    }),
  },
  'status-word-unknown': { applies: (r) => r.kind === 'lookup', move: statusWord('AWAITING_REVIEW', 'Awaiting Review') },
  'status-failed': { applies: (r) => r.api === 'blackhawk' && r.kind === 'lookup', move: statusWord('FAILED', 'Failed') },
  'status-not-all-funded': { applies: (r) => r.api === 'blackhawk' && r.kind === 'lookup', move: statusWord('PROCESSING', 'Not All Records Funded') },
  'reversal-under-way': {
    applies: (r) => r.endpoint === REVERSE,
    // As if someone else had asked a moment ago: the order is being reversed, and this request is told so.
    move: (insides) => ({
      instead(req) {
        const order = isRecord(req.body) && typeof req.body.refno === 'string' ? insides.store.findByReference('wpay', req.body.refno) : undefined;
        if (order && order.cancelledAt === null) insides.store.markCancelled(order, insides.clock.now());
        return wpayError(400, '8221', 'Reversal already in progress');
      },
    }),
  },
  'card-number-only-in-formats': {
    applies: (r) => r.api === 'wpay' && withCards(r),
    move: eachCard((c) => ({
      ...c,
      cardNumber: null,
      labels: { ...(isRecord(c.labels) ? c.labels : {}), cardPin: 'Voucher Code' },
      formats: [{ key: 'CNONLY', value: c.cardNumber }],
    })),
  },
  'barcode-only-in-formats': {
    applies: (r) => r.api === 'wpay' && withCards(r),
    move: eachCard((c) => ({
      ...c,
      barcode: '',
      activationCode: `AC${String(c.cardNumber).slice(-10)}`,
      sequenceNumber: `SEQ${String(c.cardNumber).slice(-6)}`,
      formats: [
        { key: 'CNONLY', value: c.cardNumber },
        { key: 'QCBARCODE-26-V1', value: c.barcode },
      ],
    })),
  },
  'barcode-symbologies': {
    applies: (r) => r.api === 'wpay' && withCards(r),
    move: eachCard((c, _api, i) => {
      const digits = String(c.barcode);
      // Interleaved 2 of 5 takes digits in pairs.
      const value = digits.length % 2 === 0 ? digits : digits.slice(0, -1);
      const key = ['INT2OF5', 'QRCODE', 'PDF417', 'DATAMATRIX'][i % 4];
      return { ...c, barcode: '', formats: [{ key: 'CNONLY', value: c.cardNumber }, { key, value }] };
    }),
  },
  'card-field-deep': {
    applies: (r) => r.kind === 'cards',
    move: (_insides, route) => ({
      rewrite(reply) {
        const key = route.api === 'wpay' ? 'cards' : 'eGifts';
        if (reply.status >= 300 || !isRecord(reply.body) || !Array.isArray(reply.body[key]) || reply.body[key].length === 0) return reply;
        const [first, ...rest] = reply.body[key] as Record<string, unknown>[];
        const marked = JSON.stringify({ ...reply.body, [key]: [{ ...first, extra: DEEP }, ...rest] });
        // Written out as text: serialising 5,000 levels would overflow the sandbox's own stack.
        const body = marked.replace(JSON.stringify(DEEP), `${'['.repeat(5_000)}${']'.repeat(5_000)}`);
        return { ...reply, raw: true, headers: { ...reply.headers, 'content-type': 'application/json; charset=utf-8' }, body };
      },
    }),
  },
  'answer-huge': {
    applies: (r) => r.kind === 'cards',
    move: () => ({
      instead: () => ({
        status: 200,
        body: null,
        *stream() {
          const piece = `"${'x'.repeat(1024 * 1024 - 3)}",`;
          yield '{"total_cards":1,"padding":[';
          for (let i = 0; i < 1_536; i++) yield piece;
          yield '""],"cards":[]}';
        },
      }),
    }),
  },
  'card-field-long': {
    applies: (r) => r.kind === 'cards',
    move: eachCard((c, _api, i) => (i === 0 ? { ...c, productName: 'W'.repeat(2 * 1024 * 1024) } : c)),
  },
  'card-number-ends-with-pin': {
    applies: (r) => r.api === 'blackhawk' && r.kind === 'cards',
    move: eachCard((c) => {
      if (typeof c.cardNumber !== 'string' || typeof c.pin !== 'string') return c;
      const number = `${c.cardNumber.slice(0, -c.pin.length)}${c.pin}`;
      return { ...c, cardNumber: number, barCodeValue: number };
    }),
  },
  'submit-refused-with-messages': {
    applies: (r) => r.api === 'wpay' && r.kind === 'submit',
    move: () => ({
      instead: () => ({
        ...wpayError(400, '5000', 'Validation Failed', ["payments: Value is required and can't be empty", 'products[0].qty: This value should be greater than 0']),
        outcome: 'refused',
      }),
    }),
  },
};

const ALL_SPECS: Record<HostileCase, CaseSpec> = { ...SPECS, ...MORE_SPECS };

/** The enabled cases that can apply to this route. */
export function hostileCandidates(enabled: readonly HostileCase[], route: RouteInfo): HostileCase[] {
  return enabled.filter((c) => ALL_SPECS[c].applies(route));
}

export function hostileMove(which: HostileCase, insides: SandboxInsides, route: RouteInfo): HostileMove {
  return ALL_SPECS[which].move(insides, route);
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
