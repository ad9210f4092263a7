import type { Clock } from '../core/clock';
import type { HostileCase } from './hostile-cases';
import type { BalanceRateConfig } from './balance-window';
import type { SandboxInstruments } from './instruments';

/** Faults a test or the bench switches on (fault-instruments.ts) to see how a client copes with a provider having a bad day. */
export interface SandboxFaults {
  /** Fraction (0–1) of API requests answered with a 5xx. A submit may have been taken before its 5xx. */
  errorRate: number;
  /** Delay added to every API answer. */
  latencyMs: number;
  /** Fraction of API requests delayed a further latencySpikeMs. */
  latencySpikeRate: number;
  latencySpikeMs: number;
  /** Fraction of API requests answered 429 with a Retry-After header. */
  rate429: number;
  retryAfterSeconds: number;
  /** Fraction of submits whose order is taken and persisted, then the connection is cut without an answer. */
  dropAfterAcceptRate: number;
  /** Holds the answer to a submit this long after the order was taken and persisted: a slow provider, and the window
   *  in which a client that dies has sent an order it never heard back about. */
  holdAfterAcceptMs: number;
  /** Fraction of card pages (a Wpay page, Blackhawk's code retrieval) that come back missing their last cards. */
  shortPageRate: number;
  /** Fraction of card requests answered "not ready yet" (Wpay 409, Blackhawk orderStatus without eGifts) although
   *  the order's status is complete: cards still activating. */
  notReadyRate: number;
  /** Fraction of card requests at which the provider cancels the order: that request and every later one answer
   *  cancelled (Wpay 410, Blackhawk "Cancelled"), and so does its status. */
  cancelInFetchRate: number;
  /** Fraction of status checks of an order the sandbox holds that are refused (Wpay 401 AP01, Blackhawk 403). */
  refuseStatusRate: number;
  /** Fraction of card requests of an order the sandbox holds that are refused (Wpay 401 AP01, Blackhawk 403). */
  refuseCardsRate: number;
  /** Fraction of Wpay submits under a refno the sandbox never saw that find it already taken by an order placed
   *  elsewhere (the same lines with a card more on each): the sandbox keeps that other order and answers 5313. */
  foreignReferenceRate: number;
  /** Hostile answers (hostile-cases.ts) the sandbox may give: answers that lie about the order they are for. */
  hostile: HostileCase[];
  /** Fraction of the requests a hostile case applies to that get one (one of the enabled cases that apply, at random). */
  hostileRate: number;
  /** Wpay SVA available balance in cents; setting it replaces the balance from now on. */
  balanceCents: number;
  /** Seed of the fault dice, for runs that can be repeated. */
  seed: number;
}

/** How long orders take: readyAt = acceptedAt + baseMs + perCardMs × quantity. */
export interface ProcessingConfig {
  baseMs: number;
  perCardMs: number;
  /** How long a Wpay real-time (syncOnly) order may be waited for before answering PROCESSING instead. */
  realtimeWaitMs: number;
  /** Minutes after acceptance during which a Wpay order may be reversed (cancel.allowedWithIn). */
  reverseWithinMinutes: number;
}

export interface SandboxOptions {
  /** Folder holding the sandbox's own state (the app passes `<dataDir>/sandbox/`). Created when missing. */
  stateDir: string;
  clock?: Clock;
  processing?: Partial<ProcessingConfig>;
  /** A fault layer and admin routes (fault-instruments.ts), for tests and the bench only. */
  instruments?: SandboxInstruments;
  /** Wpay's balance-check limit (50 a minute) and how fast cards get spent; tests shorten the window. */
  balances?: Partial<BalanceRateConfig>;
  /** Replaces the persisted Wpay key; by default one is generated on first start and kept. */
  apiKey?: string;
  host?: string;
  port?: number;
}

export interface SandboxOrderSummary {
  api: SandboxApi;
  reference: string;
  orderId: string;
  quantity: number;
  totalCents: number;
  state: 'pending' | 'processing' | 'complete' | 'cancelled';
}

export interface SandboxStats {
  /** Orders held under each reference, counted from persisted state (survives restarts). */
  ordersByReference: Record<string, number>;
  /** Submit requests seen per reference since this process started, taken or not. */
  submitsByReference: Record<string, number>;
  /** Per reference, every submit and status lookup in the order they were answered, with what each did. */
  calls: Record<string, CallRecord[]>;
  /** Requests per endpoint ("POST /v1/partner/giftcards/orders") since this process started. */
  requests: Record<string, number>;
  /** Faults actually injected since start. */
  faultsInjected: {
    errors: number;
    throttled: number;
    dropped: number;
    spikes: number;
    errorsAfterAccept: number;
    shortPages: number;
    notReady: number;
    cancelledInFetch: number;
    refusedStatus: number;
    refusedCards: number;
    foreignReferences: number;
    /** Hostile answers given, per case. */
    hostile: Partial<Record<HostileCase, number>>;
  };
  orders: SandboxOrderSummary[];
  balanceCents: number;
  /** Card balance checks: the limit, requests, those turned away, the most seen in any window of the limit's length. */
  balanceChecks: { limit: number; windowMs: number; requests: number; throttled: number; maxInWindow: number };
  /** The last balance answered for each card (by number: the sandbox's own cards, for tests to compare with). */
  balancesAnswered: Record<string, { balanceCents: number; status: string; expiry: string; times: number }>;
}

/**
 * One submit or status lookup of a reference, as the sandbox handled it. What tests read to tell a safe retry (a
 * submit after a lookup that found nothing) from a re-send.
 */
export interface CallRecord {
  call: 'submit' | 'lookup';
  /**
   * throttled: 429, turned away before anything was looked at. server-error: 5xx before anything was done.
   * taken: a new order was made. existing: Blackhawk answered about the order it already had for this requestId.
   * duplicate: Wpay 5313 for an order of ours. foreign: 5313 for an order placed elsewhere (foreignReferenceRate).
   * refused: any other refusal (bad request, balance, credentials, refuseStatusRate).
   * found / not-found: what a lookup learned.
   */
  outcome: 'throttled' | 'server-error' | 'taken' | 'existing' | 'duplicate' | 'foreign' | 'refused' | 'found' | 'not-found';
  /** False when the sandbox withheld the answer it made: a 5xx was sent instead, or the connection was cut. */
  answered: boolean;
}

export interface SandboxHandle {
  url: string;
  apiKey: string;
  merchantId: string;
  clientProgramNumber: string;
  /** The Wpay SKUs the sandbox sells: Wpay publishes no catalog, so these are what a newcomer is offered. */
  wpaySkus: readonly { code: string; name: string; minCents: number; maxCents: number; allowedCents: null }[];
  /** Counters a test reads in-process (requests, submits and orders per reference). */
  stats(): SandboxStats;
  close(): Promise<void>;
}

export type SandboxApi = 'wpay' | 'blackhawk';

export interface SandboxOrderLine {
  sku: string;
  amountCents: number;
  quantity: number;
  clientRefId: string | null;
}

/** What is persisted of an order: metadata only; card data is regenerated from the sandbox seed. */
export interface SandboxOrder {
  seq: number;
  api: SandboxApi;
  /** Wpay orderId / Blackhawk orderNumber. */
  orderId: string;
  /** Wpay refno / Blackhawk requestId. */
  reference: string;
  lines: SandboxOrderLine[];
  acceptedAt: number;
  readyAt: number;
  realtime: boolean;
  returnCardNumberAndPin: boolean;
  cancelWithinMinutes: number;
  cancelledAt: number | null;
  /** Placed by someone else under a reference we then tried to use (foreignReferenceRate). */
  foreign?: boolean;
}

export interface SandboxIdentity {
  apiKey: string;
  merchantId: string;
  clientProgramNumber: string;
  /** Hex secret from which every card is derived. */
  cardSeed: string;
}
