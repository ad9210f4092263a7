// Domain types shared by core, main and renderer. Money is always integer minor units (cents).
import type { OrderState } from './order-state-machine';

export { ORDER_STATES, type OrderState } from './order-state-machine';

export const PROVIDERS = ['wpay', 'blackhawk', 'sandbox'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface Account {
  id: string;
  name: string;
  provider: ProviderName;
  baseUrl: string;
  /** Wpay has none; Blackhawk's merchantId header. */
  merchantId: string | null;
  /** Blackhawk's clientProgramNumber. */
  clientProgramNumber: string | null;
  /** For a sandbox account: which API the sandbox speaks for it. */
  sandboxFlavor: 'wpay' | 'blackhawk' | null;
  currency: string;
  /** Pages fetched at once while retrieving cards. */
  fetchConcurrency: number;
  /** Seconds between status checks; null = the provider's recommended cadence. */
  pollEverySeconds: number | null;
  /** Balance checks sent per minute at most (Wpay: 50 per partner unless the account manager changed it). */
  balanceRatePerMinute: number;
  createdAt: number;
}

export interface OrderLine {
  id: number;
  orderId: number;
  lineNo: number;
  sku: string;
  productName: string | null;
  faceValueCents: number;
  quantity: number;
}

export interface Order {
  id: number;
  accountId: string;
  clientReference: string;
  providerOrderId: string | null;
  state: OrderState;
  stateReason: string | null;
  quantity: number;
  totalCents: number;
  currency: string;
  createdAt: number;
  updatedAt: number;
  lastError: string | null;
  nextPollAt: number | null;
  /** Wpay syncOnly:true (≤ 10 cards). */
  realtime: boolean;
  /** How many times a submit may have gone out; 0 means nothing was ever sent. */
  submitAttempts: number;
  pollEverySeconds: number | null;
  providerTotalCards: number | null;
  percentComplete: number | null;
  /** The provider's own status words, e.g. "Funding Hold". */
  providerStatus: string | null;
  cancelAllowed: boolean | null;
  cancelWithinMinutes: number | null;
  acceptedAt: number | null;
  settledAt: number | null;
  /** A person's own name for the order ("Staff party"), shown wherever the order is named; null: none given. */
  name: string | null;
  /** A person's note on the order (who asked for it, what for). */
  memo: string | null;
}

/** Symbologies a provider names for a card's barcode (Woohoo format keys); a card without one prints Code 128. */
export const BARCODE_FORMATS = ['code128', 'interleaved2of5', 'qrcode', 'pdf417', 'datamatrix'] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];

/** The provider's own names for a card's fields, where it gives them ("Voucher Code" for what Giftdesk calls the PIN). */
export interface CardLabels {
  number?: string;
  pin?: string;
  activationCode?: string;
  expiry?: string;
}

export interface Card {
  id: number;
  orderId: number;
  lineId: number | null;
  providerKey: string;
  number: string | null;
  pin: string | null;
  /** A code of its own some cards carry to activate or redeem them (Wpay activationCode). */
  activationCode: string | null;
  barcode: string | null;
  /** The symbology the provider names for the barcode; null: Code 128. */
  barcodeFormat: BarcodeFormat | null;
  labels: CardLabels | null;
  url: string | null;
  amountCents: number;
  expiry: string | null;
  productName: string | null;
  sku: string | null;
  raw: string;
  storedAt: number;
}

/** A card as a provider hands it over, before it has a row of its own. */
export type NewCard = Omit<Card, 'id' | 'orderId' | 'storedAt'>;

/** Why a card a provider sent is kept apart from the order's own cards. */
export const QUARANTINE_KINDS = ['wrong-value', 'wrong-product', 'wrong-currency', 'held-by-another-order', 'repeated'] as const;
export type QuarantineKind = (typeof QUARANTINE_KINDS)[number];

/** A card that came back with an order but is not one of its ordered cards: kept whole, never counted. */
export interface QuarantinedCard extends Card {
  kind: QuarantineKind;
  /** What came back against what was ordered, in words. */
  reason: string;
  /** For a card already held by another order of the account: that order. */
  otherOrderId: number | null;
}

/** A card to quarantine, as the engine hands it to the store. */
export type NewQuarantinedCard = NewCard & { kind: QuarantineKind; reason: string };
