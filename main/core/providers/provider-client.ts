import type { NewCard } from '../../../shared/domain';

// The one interface the engine drives. Each provider maps its wire format into these domain types at its boundary.

export interface SubmitLine {
  /** Wpay SKU or Blackhawk content provider code. */
  sku: string;
  faceValueCents: number;
  quantity: number;
}

export interface SubmitRequest {
  /** Wpay refno / Blackhawk requestId: made and committed with the draft, reused on every retry. */
  reference: string;
  lines: SubmitLine[];
  currency: string;
  /** Wpay syncOnly:true (≤ 10 cards). Blackhawk ignores it. */
  realtime: boolean;
}

/**
 * partial: the provider says not every card of the order went through (Blackhawk "Not All Records Funded" and the
 * like). unknown: a status word no document lists; the provider's word is kept in the label.
 */
export type OrderPhase = 'pending' | 'processing' | 'complete' | 'cancelled' | 'failed' | 'partial' | 'unknown';

export interface CancelWindow {
  allowed: boolean;
  /** Minutes after the order was placed during which a reversal is accepted (Wpay cancel.allowedWithIn). */
  withinMinutes: number | null;
}

export interface ProviderOrderStatus {
  phase: OrderPhase;
  /** The provider's own status words, for people (e.g. "Funding Hold", "PROCESSING"). */
  label: string;
  /** Wpay orderId / Blackhawk orderNumber, once known. */
  providerOrderId: string | null;
  percentComplete: number | null;
  /** How many cards the provider says the order holds, when it says. */
  totalCards: number | null;
  cancel: CancelWindow | null;
}

export interface SubmitResult {
  status: ProviderOrderStatus;
  /** Cards that came back inline (Wpay real-time order answered COMPLETE). */
  cards: NewCard[] | null;
  /** The currency the answer names for its cards, when it names one. */
  currency: string | null;
}

export interface CardPageRequest {
  offset: number;
  limit: number;
}

export type CardPageResult =
  | { state: 'ready'; cards: NewCard[]; totalCards: number | null; currency: string | null }
  /** Wpay 409 PROCESSING, Blackhawk orderStatus without eGifts: ask again later. */
  | { state: 'not-ready'; label: string }
  /** Wpay 410. */
  | { state: 'cancelled'; label: string };

/** What a provider takes, checked before anything is sent (providers/order-line-rules.ts, reversal-rule.ts). */
export interface ProviderLimits {
  maxQuantity: number;
  /** Orders of at most this many cards are placed real-time (Wpay syncOnly); null where there is no such mode. */
  realtimeMaxQuantity: number | null;
  maxReferenceLength: number;
  maxLines: number;
  /** Face values in whole currency units only (Blackhawk: "whole number, at least 1"). */
  wholeAmountsOnly: boolean;
  /** An accepted order can be reversed through the API, inside the window the order itself carries (Wpay). */
  reversible: boolean;
  /** The provider lists its products and their value rules (Blackhawk); without one, the SKU is typed (Wpay). */
  catalog: boolean;
}

export interface CatalogProduct {
  code: string;
  name: string;
  minCents: number | null;
  maxCents: number | null;
  /** When set, only these face values are allowed. */
  allowedCents: number[] | null;
}

/**
 * A reversal request's answer: accepted (the order is reversed or being reversed by this request), or already under
 * way from an earlier request (Wpay 8221), in which case the order's status says when it is done.
 */
export interface ReversalAnswer {
  accepted: boolean;
  underWay?: boolean;
  message: string;
}

/** A card's balance as the provider answered it, or a plain "not available" (Blackhawk documents no balance call). */
export type CardBalanceAnswer =
  | {
      state: 'answered';
      balanceCents: number;
      /** The provider's own word (Wpay: ACTIVATED, or any other, kept as given). */
      status: string;
      /** As the provider wrote it, e.g. "2023-05-05T05:43:07+00:00"; null when it sent none. */
      expiry: string | null;
      currency: string | null;
    }
  | { state: 'not-available'; reason: string };

export interface ProviderClient {
  readonly provider: 'wpay' | 'blackhawk';
  readonly limits: ProviderLimits;
  submit(request: SubmitRequest): Promise<SubmitResult>;
  /**
   * The order under this reference as the provider knows it, or null when the provider says it never arrived
   * (Wpay 5320, Blackhawk not found). Used to reconcile after an uncertain submit.
   */
  findByReference(reference: string): Promise<ProviderOrderStatus | null>;
  /** Current status of an accepted order. */
  status(order: { reference: string; providerOrderId: string | null }): Promise<ProviderOrderStatus>;
  /** The pages to fetch for an order of this many cards (Wpay: offset/limit pages; Blackhawk: one request). */
  planPages(quantity: number): CardPageRequest[];
  fetchCards(providerOrderId: string, page: CardPageRequest): Promise<CardPageResult>;
  /** Wpay reversal; Blackhawk has no API for it and throws a fatal ProviderError. */
  cancel(order: { reference: string; providerOrderId: string | null }): Promise<ReversalAnswer>;
  /** Prepaid balance in cents, when the provider tells it (Wpay SVA); null otherwise. */
  balance(): Promise<{ cents: number; currency: string } | null>;
  /**
   * One card's balance. Sent once: a failed call (429 with its Retry-After, a 5xx, no answer) is a ProviderError for
   * the caller to repeat within its rate window. Never a card number or PIN in an error.
   */
  cardBalance(card: { number: string; pin: string | null }): Promise<CardBalanceAnswer>;
  /** Products and their value limits (Blackhawk catalog); null where the provider has no catalog call. */
  catalog(): Promise<CatalogProduct[] | null>;
}
