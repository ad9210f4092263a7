import type { Clock } from '../core/clock';
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
  /** Requests per endpoint ("POST /v1/partner/giftcards/orders") since this process started. */
  requests: Record<string, number>;
  /** Faults actually injected since start. */
  faultsInjected: { errors: number; throttled: number; dropped: number; spikes: number; errorsAfterAccept: number };
  orders: SandboxOrderSummary[];
  balanceCents: number;
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
}

export interface SandboxIdentity {
  apiKey: string;
  merchantId: string;
  clientProgramNumber: string;
  /** Hex secret from which every card is derived. */
  cardSeed: string;
}
