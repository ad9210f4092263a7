import { formatCents } from '../../shared/money';
import type { CardGenerator } from './card-generator';
import { findWpaySku } from './catalog';
import type { Reply } from './http-kit';
import type { Progress } from './order-timeline';
import type { SandboxOrder } from './types';

// The JSON shapes Wpay answers with, as in seeds/wpay-batch-order.txt.

export const AUD = { code: 'AUD', numericCode: '036', symbol: '$' } as const;

export function wpayError(status: number, code: string, message: string): Reply {
  return { status, body: { code, message, messages: [message] } };
}

export function cancelWindow(order: SandboxOrder, now: number) {
  const open = now < order.acceptedAt + order.cancelWithinMinutes * 60_000;
  return { allowed: order.cancelledAt === null && open, allowedWithIn: order.cancelWithinMinutes };
}

const STATUS: Record<Progress['phase'], { status: string; statusLabel: string }> = {
  pending: { status: 'PENDING', statusLabel: 'Pending' },
  processing: { status: 'PROCESSING', statusLabel: 'Processing' },
  complete: { status: 'COMPLETE', statusLabel: 'Complete' },
  cancelled: { status: 'CANCELED', statusLabel: 'Cancelled' },
};

export function statusBody(order: SandboxOrder, progress: Progress, now: number) {
  return { ...STATUS[progress.phase], orderId: order.orderId, refno: order.reference, cancel: cancelWindow(order, now) };
}

export function productsMap(order: SandboxOrder) {
  const out: Record<string, unknown> = {};
  for (const line of order.lines) {
    const name = findWpaySku(line.sku)?.name ?? line.sku;
    const img = (size: string) => `https://images.sandbox.giftdesk.invalid/product/${size}/${line.sku}.jpg`;
    out[line.sku] = {
      sku: line.sku,
      name,
      specialInstruction: '',
      images: { thumbnail: img('thumbnail'), mobile: img('mobile'), base: img('image'), small: img('small_image') },
      cardBehaviour: 'QC',
    };
  }
  return out;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

export function cardBody(order: SandboxOrder, generator: CardGenerator, index: number) {
  const card = generator.card(order, index);
  const line = order.lines[card.lineIndex]!;
  return {
    sku: line.sku,
    productName: findWpaySku(line.sku)?.name ?? line.sku,
    labels: { cardNumber: 'Gift Card Number', cardPin: 'Card PIN', activationCode: 'Activation Code', validity: 'Validity' },
    cardNumber: card.cardNumber,
    cardPin: card.pin,
    activationCode: null,
    barcode: card.barcode,
    activationUrl: null,
    formats: [
      { key: 'CNONLY', value: card.cardNumber },
      { key: 'QCGTINBARCODE-32', value: card.barcode },
    ],
    amount: formatCents(line.amountCents),
    validity: iso(cardValidity(order)),
    issuanceDate: iso(order.readyAt),
    // Like the documented example, cardId repeats across cards (one per line here): clients must key by cardNumber.
    cardId: 378_470 + order.seq * 100 + card.lineIndex,
    recipientDetails: {
      salutation: null,
      name: null,
      firstname: null,
      lastname: null,
      email: null,
      mobileNumber: null,
      status: '',
      failureReason: '',
      delivery: { mode: 'API', status: { sms: { status: 'NA', reason: 'NA' }, email: { status: 'NA', reason: 'NA' } } },
    },
    theme: '',
  };
}

/** Cards are valid three years from their order's activation. */
export function cardValidity(order: SandboxOrder): number {
  return order.readyAt + 3 * 365 * 24 * 3_600_000;
}

export function cardsPageBody(order: SandboxOrder, generator: CardGenerator, start: number, end: number, total: number) {
  const cards = [];
  for (let i = start; i < end; i++) cards.push(cardBody(order, generator, i));
  const zero = { totalCount: 0, delivered: 0, failed: 0, inProgress: 0 };
  return {
    products: productsMap(order),
    cards,
    currency: AUD,
    deliveryMode: 'API',
    delivery: { summary: { inProgress: 0, sent: 0, delivered: 0, failed: 0, email: zero, sms: zero, totalCardsCount: 0 } },
    total_cards: total,
  };
}
