import type { CustodyState } from '../../../../shared/custody-state-machine';
import type { Card, CardLabels, QuarantinedCard } from '../../../../shared/domain';
import type { Custody } from '../../store/repos/custody';
import { maskCardNumber, maskPin } from '../../../../shared/mask';

/** A card as anyone may see it without an audited reveal: last four digits, no PIN, whether it has a URL. */
export interface MaskedCard {
  id: number;
  orderId: number;
  maskedNumber: string | null;
  maskedPin: string | null;
  maskedBarcode: string | null;
  /** The activation code masked like a number (it redeems the card as well). */
  maskedActivationCode: string | null;
  /** The provider's own names for the fields, to show each under ("Voucher Code" for the PIN). */
  labels: CardLabels | null;
  hasUrl: boolean;
  amountCents: number;
  currency: string;
  expiry: string | null;
  productName: string | null;
  sku: string | null;
  storedAt: number;
  custody: { state: CustodyState; handoutId: number | null; issuedTo: string | null; printedExportedAt: number | null } | null;
}

/** A card's secrets, handed out only after the reveal was written to the audit log. */
export interface RevealedCard {
  id: number;
  number: string | null;
  pin: string | null;
  url: string | null;
  barcode: string | null;
  activationCode: string | null;
}

/** `productName`: the card's, or its order line's (cards/card-product.ts). */
export function maskCard(c: Card, currency: string, productName: string | null, custody: Custody | null = null): MaskedCard {
  return {
    id: c.id,
    orderId: c.orderId,
    maskedNumber: maskCardNumber(c.number, c.pin),
    maskedPin: maskPin(c.pin),
    maskedBarcode: maskCardNumber(c.barcode, c.pin),
    maskedActivationCode: maskCardNumber(c.activationCode, c.pin),
    labels: c.labels,
    hasUrl: c.url !== null,
    amountCents: c.amountCents,
    currency,
    expiry: c.expiry,
    productName,
    sku: c.sku,
    storedAt: c.storedAt,
    custody: custody && { state: custody.state, handoutId: custody.handoutId, issuedTo: custody.issuedTo, printedExportedAt: custody.printedExportedAt },
  };
}

export function revealCard(c: Card): RevealedCard {
  return { id: c.id, number: c.number, pin: c.pin, url: c.url, barcode: c.barcode, activationCode: c.activationCode };
}

/** A quarantined card as anyone may see it: masked like any card, with why it is kept apart; it is in no custody. */
export interface MaskedQuarantinedCard extends MaskedCard {
  kind: QuarantinedCard['kind'];
  reason: string;
  otherOrderId: number | null;
}

export function maskQuarantined(c: QuarantinedCard, currency: string): MaskedQuarantinedCard {
  return { ...maskCard(c, currency, c.productName), kind: c.kind, reason: c.reason, otherOrderId: c.otherOrderId };
}
