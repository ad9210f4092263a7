import type { ProviderName } from '../../../shared/domain';
import { GiftdeskError } from '../errors';

/**
 * What the engine does with a failed call:
 * - retryable: the call did no harm and can be repeated after a pause (5xx on a read, 429, network error before sending)
 * - uncertain: a submit may or may not have created the order (timeout, dropped connection or 5xx after sending)
 * - duplicate-reference: the provider already has an order under this reference (Wpay 5313): look it up, never re-order
 * - not-found: the provider has no order under this reference (Wpay 5320): safe to submit with the same reference
 * - fatal: repeating will not help (bad key, insufficient balance, invalid SKU or amount, malformed answer…)
 * - foreign: the answer names another order than the one asked about (ForeignAnswer); nothing of it may be taken up
 */
export type ProviderErrorClass = 'retryable' | 'uncertain' | 'duplicate-reference' | 'not-found' | 'fatal' | 'foreign';

export interface ProviderErrorDetails {
  provider: ProviderName | 'wpay' | 'blackhawk';
  /** Method and path template, e.g. "GET /v1/partner/giftcards/order/{refno}/status". Never a full URL with secrets. */
  endpoint: string;
  httpStatus: number | null;
  providerCode: string | null;
  /** The provider's own words, with anything that looks like a card number, PIN or key removed. */
  providerMessage: string | null;
  errorClass: ProviderErrorClass;
  /** From Retry-After, when the provider sent one. */
  retryAfterMs?: number | null;
  cause?: unknown;
}

export class ProviderError extends GiftdeskError {
  readonly kind = 'provider';
  readonly provider: ProviderErrorDetails['provider'];
  readonly endpoint: string;
  readonly httpStatus: number | null;
  readonly providerCode: string | null;
  readonly providerMessage: string | null;
  readonly errorClass: ProviderErrorClass;
  readonly retryAfterMs: number | null;

  constructor(d: ProviderErrorDetails) {
    const status = d.httpStatus === null ? 'no HTTP answer' : `HTTP ${d.httpStatus}`;
    const code = d.providerCode ? ` code ${d.providerCode}` : '';
    const words = d.providerMessage ? `: ${d.providerMessage}` : '';
    super(`${providerLabel(d.provider)} ${d.endpoint} failed (${status}${code})${words}`, { cause: d.cause });
    this.provider = d.provider;
    this.endpoint = d.endpoint;
    this.httpStatus = d.httpStatus;
    this.providerCode = d.providerCode;
    this.providerMessage = d.providerMessage;
    this.errorClass = d.errorClass;
    this.retryAfterMs = d.retryAfterMs ?? null;
  }
}

function providerLabel(p: ProviderErrorDetails['provider']): string {
  return p === 'wpay' ? 'Wpay' : p === 'blackhawk' ? 'Blackhawk' : 'Sandbox';
}

/** One identifier an answer echoes: what was sent (or is known), and what came back. */
export interface Echo {
  /** The provider's field name: refno, orderId, requestId, orderNumber, clientProgramNumber. */
  field: string;
  sent: string;
  got: string;
}

/**
 * An answer that names another order than the one asked about: a provider bug, or a mixed-up proxy. Never adopted.
 * `providerMessage` has the provider's words (the identifiers it sent); `ours` says what Giftdesk asked about.
 */
export class ForeignAnswer extends ProviderError {
  readonly mismatches: readonly Echo[];
  readonly ours: string;

  constructor(d: { provider: ProviderErrorDetails['provider']; endpoint: string; httpStatus: number | null; mismatches: readonly Echo[] }) {
    const theirs = d.mismatches.map((m) => `${m.field} ${m.got}`).join(', ');
    super({ ...d, providerCode: null, providerMessage: `the answer is about ${theirs}`, errorClass: 'foreign' });
    this.mismatches = d.mismatches;
    this.ours = `Giftdesk asked about ${d.mismatches.map((m) => `${m.field} ${m.sent}`).join(', ')}, and the answer names ${theirs}`;
  }
}

/**
 * The echoes of an answer that differ from what was sent; a field the answer leaves out is not a mismatch.
 * Identifiers are compared as text, since providers send numbers for some of them.
 */
export function echoMismatches(echoes: readonly { field: string; sent: string | null | undefined; got: string | number | null | undefined }[]): Echo[] {
  const out: Echo[] = [];
  for (const e of echoes) {
    if (e.sent === null || e.sent === undefined || e.got === null || e.got === undefined) continue;
    const got = String(e.got).trim();
    if (got !== '' && got !== e.sent.trim()) out.push({ field: e.field, sent: e.sent, got });
  }
  return out;
}
