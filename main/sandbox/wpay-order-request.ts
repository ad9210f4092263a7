import { parseAmountToCents } from '../../shared/money';
import { findWpaySku } from './catalog';
import { isRecord, numeric, type Reply } from './http-kit';
import type { SandboxOrderLine } from './types';
import { wpayError } from './wpay-wire';

export const WPAY_MAX_CARDS = 25_000;
export const WPAY_REALTIME_MAX_CARDS = 10;
const MAX_REFNO = 55;

export interface WpayOrderRequest {
  refno: string;
  syncOnly: boolean;
  lines: SandboxOrderLine[];
  totalCents: number;
}

/** The refno alone, so that a repeated refno is answered 5313 before anything else about the body. */
export function readRefno(body: unknown): string | Reply {
  const refno = isRecord(body) ? body.refno : undefined;
  if (typeof refno !== 'string' || refno.trim() === '' || refno.length > MAX_REFNO) {
    return wpayError(400, '5300', `refno is required and must be at most ${MAX_REFNO} characters`);
  }
  return refno;
}

/** Checks a place-order body the way Wpay does, answering with Wpay's own error codes. */
export function parseWpayOrder(body: Record<string, unknown>, refno: string): WpayOrderRequest | Reply {
  if (typeof body.syncOnly !== 'boolean') return wpayError(400, '5300', 'syncOnly must be true or false');
  if (!Array.isArray(body.products) || body.products.length === 0) return wpayError(400, '5300', 'products must list at least one product');

  const lines: SandboxOrderLine[] = [];
  for (const p of body.products as unknown[]) {
    if (!isRecord(p) || typeof p.sku !== 'string') return wpayError(400, '5300', 'every product needs a sku');
    const sku = findWpaySku(p.sku);
    if (!sku) return wpayError(400, '5310', `SKU ${p.sku} is not available`);
    const price = typeof p.price === 'number' || typeof p.price === 'string' ? parseAmountToCents(p.price) : null;
    if (price === null || price < sku.minCents || price > sku.maxCents) {
      return wpayError(400, '5307', `Denomination ${String(p.price)} is not available for ${sku.sku}`);
    }
    const qty = numeric(p.qty);
    if (qty === null || !Number.isInteger(qty) || qty < 1) return wpayError(400, '5300', `qty must be a whole number of at least 1`);
    if (p.currency !== undefined && p.currency !== '036') return wpayError(400, '5300', `currency ${String(p.currency)} is not supported`);
    lines.push({ sku: sku.sku, amountCents: price, quantity: qty, clientRefId: null });
  }

  const quantity = lines.reduce((s, l) => s + l.quantity, 0);
  if (quantity > WPAY_MAX_CARDS) return wpayError(400, '5338', `An order may hold at most ${WPAY_MAX_CARDS} cards`);
  if (body.syncOnly && quantity > WPAY_REALTIME_MAX_CARDS) {
    return wpayError(400, '5321', `Real-time orders are limited to ${WPAY_REALTIME_MAX_CARDS} cards; use syncOnly:false`);
  }

  const totalCents = lines.reduce((s, l) => s + l.amountCents * l.quantity, 0);
  const payments = Array.isArray(body.payments) ? (body.payments as unknown[]) : [];
  if (payments.length === 0 || !payments.every((p) => isRecord(p) && p.code === 'svc')) {
    return wpayError(400, '5035', 'Payment code svc is required and the only one available');
  }
  let paid = 0;
  for (const p of payments as Record<string, unknown>[]) {
    const cents = typeof p.amount === 'number' || typeof p.amount === 'string' ? parseAmountToCents(p.amount) : null;
    if (cents === null) return wpayError(400, '5036', 'Payment amount is not a valid amount');
    paid += cents;
  }
  if (paid !== totalCents) return wpayError(400, '5036', 'Payment amount does not match the order total');

  return { refno, syncOnly: body.syncOnly, lines, totalCents };
}
