import type { ProviderName } from '../../../shared/domain';
import { GiftdeskError } from '../errors';

/**
 * What the engine does with a failed call:
 * - retryable: the call did no harm and can be repeated after a pause (5xx on a read, 429, network error before sending)
 * - uncertain: a submit may or may not have created the order (timeout, dropped connection or 5xx after sending)
 * - duplicate-reference: the provider already has an order under this reference (Wpay 5313): look it up, never re-order
 * - not-found: the provider has no order under this reference (Wpay 5320): safe to submit with the same reference
 * - fatal: repeating will not help (bad key, insufficient balance, invalid SKU or amount, malformed answer…)
 */
export type ProviderErrorClass = 'retryable' | 'uncertain' | 'duplicate-reference' | 'not-found' | 'fatal';

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
