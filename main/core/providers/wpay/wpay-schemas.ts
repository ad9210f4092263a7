import { z } from 'zod';
import { amountCents, identifier, looseBoolean, looseNumber } from '../transport/wire-types';

// Wire formats of the Wpay partner gift card API. Loose objects: fields Wpay adds later are kept, not refused.

/** Wpay names a currency as an object ({"code":"AUD",…}) or, in places, as a bare code. */
export const wpayCurrency = z.union([z.string(), z.looseObject({ code: z.string().nullish() })]).nullish();

export const wpayCancel = z
  .looseObject({ allowed: looseBoolean.nullish(), allowedWithIn: looseNumber.nullish() })
  .nullish();

/** Place-order answer: 202 PROCESSING (batch) or 201 COMPLETE with the cards inline (real-time). */
export const wpayOrderAnswer = z.looseObject({
  status: z.string(),
  statusLabel: z.string().nullish(),
  orderId: identifier.nullish(),
  refno: identifier.nullish(),
  cancel: wpayCancel,
  cards: z.array(z.unknown()).nullish(),
  total_cards: looseNumber.nullish(),
  currency: wpayCurrency,
});

export const wpayStatusAnswer = z.looseObject({
  status: z.string(),
  statusLabel: z.string().nullish(),
  orderId: identifier.nullish(),
  refno: identifier.nullish(),
  cancel: wpayCancel,
});

// Only the fields Giftdesk reads are validated (and copied); the card's full JSON is kept as `raw` by the mapper.
export const wpayCard = z.object({
  sku: z.string().nullish(),
  productName: z.string().nullish(),
  cardNumber: identifier.nullish(),
  cardPin: identifier.nullish(),
  activationCode: identifier.nullish(),
  barcode: identifier.nullish(),
  activationUrl: z.string().nullish(),
  formats: z.array(z.looseObject({ key: z.string(), value: identifier.nullish() })).nullish(),
  labels: z.record(z.string(), z.unknown()).nullish(),
  amount: amountCents,
  validity: z.string().nullish(),
  issuanceDate: z.string().nullish(),
  cardId: identifier.nullish(),
});
export type WpayCard = z.output<typeof wpayCard>;

export const wpayCardsPage = z.looseObject({
  products: z.record(z.string(), z.unknown()).nullish(),
  cards: z.array(z.unknown()),
  total_cards: looseNumber.nullish(),
  currency: wpayCurrency,
});

/** 409 while cards are still being activated. */
export const wpayNotReady = z.looseObject({ state: z.string().nullish(), message: z.string().nullish() }).nullish();

export const wpayBalanceAnswer = z.looseObject({
  balance: amountCents,
  expiry: z.string().nullish(),
  status: z.string().nullish(),
  currency: wpayCurrency,
});

/** The "Individual Gift Card" balance answer: the card's balance, expiry and status (ACTIVATED or another word). */
export const wpayCardBalanceAnswer = z.looseObject({
  balance: amountCents,
  expiry: z.string().nullish(),
  status: z.string(),
  currency: z.union([z.string(), z.looseObject({ code: z.string().nullish() })]).nullish(),
});

export const wpayReverseAnswer = z
  .looseObject({ message: z.string().nullish(), status: z.string().nullish() })
  .nullish();
