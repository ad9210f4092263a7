import { parseAmountToCents } from '../../shared/money';
import { findBlackhawkProduct } from './catalog';
import { isRecord, numeric, truthy, type Reply } from './http-kit';
import { bhError } from './blackhawk-wire';
import type { SandboxOrderLine } from './types';

const MAX_CARDS = 25_000;
const PAYMENT_TYPES = ['ACH_DEBIT', 'WIRE_TRANSFER', 'DRAW_DOWN'];

export interface BlackhawkOrderRequest {
  lines: SandboxOrderLine[];
  returnCardNumberAndPin: boolean;
}

/** Checks a submitEgiftBulk body with Blackhawk's rules and error codes. */
export function parseBlackhawkOrder(body: unknown, clientProgramNumber: string): BlackhawkOrderRequest | Reply {
  if (!isRecord(body)) return bhError(400, 'request.invalid', 'The request body is not valid JSON');
  if (String(body.clientProgramNumber ?? '') !== clientProgramNumber) {
    return bhError(400, 'clientProgramNumber.invalid', 'clientProgramNumber is not valid for this merchant');
  }
  if (body.paymentType !== undefined && !PAYMENT_TYPES.includes(String(body.paymentType))) {
    return bhError(400, 'paymentType.invalid', `paymentType must be one of ${PAYMENT_TYPES.join(', ')}`);
  }
  if (body.financialAccountId !== undefined && body.paymentType === undefined) {
    return bhError(400, 'paymentType.required', 'paymentType is required when financialAccountId is given');
  }
  if (body.poNumber !== undefined && !/^[0-9A-Za-z .-]{0,50}$/.test(String(body.poNumber))) {
    return bhError(400, 'poNumber.invalid', 'poNumber must be at most 50 letters, digits, spaces, periods or hyphens');
  }
  if (!Array.isArray(body.orderDetails) || body.orderDetails.length === 0) {
    return bhError(400, 'orderDetails.required', 'orderDetails must list at least one product');
  }

  const lines: SandboxOrderLine[] = [];
  for (const d of body.orderDetails as unknown[]) {
    if (!isRecord(d)) return bhError(400, 'orderDetails.invalid', 'every orderDetails entry must be an object');
    const product = typeof d.contentProvider === 'string' ? findBlackhawkProduct(d.contentProvider) : undefined;
    if (!product) return bhError(400, 'orderDetails.contentProvider.invalid', `contentProvider ${String(d.contentProvider)} is not valid`);
    const quantity = numeric(d.quantity);
    if (quantity === null || !Number.isInteger(quantity) || quantity < 1) {
      return bhError(400, 'orderDetails.quantity.invalid', 'quantity must be a whole number greater than zero');
    }
    const cents = typeof d.amount === 'number' || typeof d.amount === 'string' ? parseAmountToCents(d.amount) : null;
    const whole = cents !== null && cents % 100 === 0 ? cents / 100 : null;
    if (whole === null || whole < 1) return bhError(400, 'orderDetails.amount.invalid', 'amount must be a whole number of at least 1');
    if (whole > product.maximum) return bhError(400, 'orderDetails.amount.invalid', `amount must not exceed ${product.maximum}`);
    if (whole < product.minimum) return bhError(400, 'orderDetails.amount.invalid', `amount must be at least ${product.minimum}`);
    if (product.exclusivelyAllowedValues && !product.exclusivelyAllowedValues.includes(whole)) {
      return bhError(400, 'orderDetails.amount.invalid', `amount must be one of ${product.exclusivelyAllowedValues.join(', ')}`);
    }
    if (d.clientRefId !== undefined && !/^[0-9A-Za-z .,\-/']{0,30}$/.test(String(d.clientRefId))) {
      return bhError(400, 'orderDetails.clientRefId.invalid', 'clientRefId must be at most 30 allowed characters');
    }
    lines.push({ sku: product.contentProviderCode, amountCents: cents!, quantity, clientRefId: d.clientRefId === undefined ? null : String(d.clientRefId) });
  }
  if (lines.reduce((s, l) => s + l.quantity, 0) > MAX_CARDS) {
    return bhError(400, 'orderDetails.quantity.invalid', `an order may hold at most ${MAX_CARDS} eGifts`);
  }
  return { lines, returnCardNumberAndPin: truthy(body.returnCardNumberAndPIN) || truthy(body.returnCardNumberAndPin) };
}
