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
}

export interface Card {
  id: number;
  orderId: number;
  lineId: number | null;
  providerKey: string;
  number: string | null;
  pin: string | null;
  barcode: string | null;
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
