import { ofetch, type $Fetch } from 'ofetch';
import type { Clock } from '../../clock';
import { ProviderError, type ProviderErrorClass, type ProviderErrorDetails } from '../provider-error';
import { joinUrl, transportBaseUrl } from './base-url';
import { describeNetworkFailure, networkFailureClass } from './network-failure';
import { ANSWER_LIMITS, AnswerLimitBreach, readLimited, type AnswerLimits } from './answer-limits';
import { readJsonBody } from './read-body';
import { backoffDelayMs, parseRetryAfterMs, type RetryPolicy } from './retry-policy';
import { scrubText } from './scrub';

/** What a provider's error body says, in the transport's terms. `errorClass: null` lets the HTTP status decide. */
export interface ProviderFailure {
  providerCode: string | null;
  providerMessage: string | null;
  errorClass: ProviderErrorClass | null;
}

export type FailureInterpreter = (answer: { status: number; body: unknown; idempotent: boolean }) => ProviderFailure;

export interface TransportOptions {
  provider: ProviderErrorDetails['provider'];
  baseUrl: string;
  /** Sent on every request (e.g. X-Api-Key, merchantId). */
  headers: Record<string, string>;
  /** Values that must never appear in an error message (API key, passphrase). */
  secrets: string[];
  timeoutMs: number;
  retry: RetryPolicy;
  clock: Clock;
  random: () => number;
  interpretFailure: FailureInterpreter;
  /** A fetch bound to a dispatcher (client certificate, extra CAs); Node's global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  /** How large and deep an answer may be (answer-limits.ts). */
  limits?: AnswerLimits;
}

/** The providerCode of an answer past a limit: retried a few times like a bad moment, then fatal. */
export const ANSWER_LIMIT_CODE = 'answer-limit';

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path template for messages, e.g. "/v1/partner/giftcards/order/{refno}/status". */
  template: string;
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Whether repeating the call can do no harm. A submit is not: a failure after sending it is `uncertain`. */
  idempotent: boolean;
  /** HTTP statuses the caller reads itself; any other status is an error. */
  accept: readonly number[];
  timeoutMs?: number;
  /**
   * Tries in all, when not the policy's: 1 for a call rationed by a rate window (a balance check), whose every try
   * must take a slot of its own, so its caller repeats it.
   */
  attempts?: number;
  /** Values of this request that must never appear in an error message (a card's number and PIN). */
  secrets?: readonly string[];
}

export interface TransportAnswer {
  status: number;
  body: unknown;
  endpoint: string;
}

export interface Transport {
  request(req: TransportRequest): Promise<TransportAnswer>;
  /** A ProviderError for an answer the caller could not use (missing field, wrong type…). */
  malformed(req: TransportRequest, status: number | null, problem: string): ProviderError;
}

export function createTransport(options: TransportOptions): Transport {
  const limits = options.limits ?? ANSWER_LIMITS;
  const breach = (req: TransportRequest, status: number | null, problem: string) =>
    error(req, { httpStatus: status, providerCode: ANSWER_LIMIT_CODE, providerMessage: problem, errorClass: req.idempotent ? 'retryable' : 'uncertain' });
  const $fetch: $Fetch = options.fetch ? ofetch.create({}, { fetch: options.fetch }) : ofetch;
  const endpointOf = (req: TransportRequest) => `${req.method} ${req.template}`;

  const error = (req: TransportRequest, d: Omit<ProviderErrorDetails, 'provider' | 'endpoint'>) =>
    new ProviderError({
      provider: options.provider,
      endpoint: endpointOf(req),
      ...d,
      providerMessage: d.providerMessage === null ? null : scrubText(d.providerMessage, [...options.secrets, ...(req.secrets ?? [])]),
    });

  const malformed = (req: TransportRequest, status: number | null, problem: string) =>
    error(req, {
      httpStatus: status,
      providerCode: null,
      providerMessage: problem,
      // A submit that was answered, however badly, may well have created the order.
      errorClass: req.idempotent ? 'fatal' : 'uncertain',
    });

  async function once(req: TransportRequest): Promise<TransportAnswer> {
    const base = transportBaseUrl(options.provider, options.baseUrl);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, req.timeoutMs ?? options.timeoutMs);
    let status: number | null = null;
    let text: string;
    let retryAfter: string | null;
    try {
      // The timeout spans headers and body: a provider that stalls mid-body must not hang an order.
      const response = await $fetch.raw<ReadableStream<Uint8Array>, 'stream'>(joinUrl(base, req.path), {
        method: req.method,
        query: req.query,
        body: req.body as Record<string, unknown> | undefined,
        headers: { accept: 'application/json', ...options.headers, ...req.headers },
        // Read as a stream, so that an answer past the size limit is cut off there, never held whole.
        responseType: 'stream',
        ignoreResponseError: true,
        retry: false,
        // A redirect is not followed: it could lead off https or repeat a submit elsewhere.
        redirect: 'manual',
        signal: controller.signal,
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBodyBytes) {
        controller.abort(new Error('answer too large'));
        throw new AnswerLimitBreach(`the answer is larger than the ${Math.round(limits.maxBodyBytes / 1024 / 1024)} MB an answer may be`);
      }
      text = await readLimited(response._data ?? null, limits);
    } catch (cause) {
      if (cause instanceof AnswerLimitBreach) throw breach(req, status, cause.message);
      const failure = describeNetworkFailure(cause, timedOut);
      throw error(req, {
        httpStatus: null,
        providerCode: null,
        providerMessage: failure.description,
        errorClass: networkFailureClass(failure, req.idempotent),
        cause,
      });
    } finally {
      clearTimeout(timer);
    }

    const body = readJsonBody(text, limits);
    if (!body.ok && body.limit) throw breach(req, status, body.problem);
    if (req.accept.includes(status)) {
      if (!body.ok) throw malformed(req, status, body.problem);
      return { status, body: body.json, endpoint: endpointOf(req) };
    }
    const said = body.ok
      ? options.interpretFailure({ status, body: body.json, idempotent: req.idempotent })
      : { providerCode: null, providerMessage: body.problem, errorClass: null };
    throw error(req, {
      httpStatus: status,
      providerCode: said.providerCode,
      providerMessage: said.providerMessage,
      errorClass: said.errorClass ?? statusClass(status, req.idempotent),
      retryAfterMs: parseRetryAfterMs(retryAfter, options.clock.now()),
    });
  }

  async function request(req: TransportRequest): Promise<TransportAnswer> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once(req);
      } catch (e) {
        if (!(e instanceof ProviderError) || e.errorClass !== 'retryable') throw e;
        // An answer past a limit, asked for a few times: the provider keeps sending it, so asking more will not help.
        const attempts = req.attempts ?? options.retry.maxAttempts;
        if (attempt >= attempts && e.providerCode === ANSWER_LIMIT_CODE) {
          throw error(req, { httpStatus: e.httpStatus, providerCode: ANSWER_LIMIT_CODE, providerMessage: e.providerMessage, errorClass: 'fatal' });
        }
        if (attempt >= attempts) throw e;
        if (e.retryAfterMs !== null && e.retryAfterMs > options.retry.maxRetryAfterMs) throw e;
        await options.clock.sleep(e.retryAfterMs ?? backoffDelayMs(attempt, options.retry, options.random));
      }
    }
  }

  return { request, malformed };
}

/** The class an HTTP status implies when the provider's own code does not say more. */
export function statusClass(status: number, idempotent: boolean): ProviderErrorClass {
  // 429: the provider turned the request away unprocessed, so even a submit may be repeated.
  if (status === 429) return 'retryable';
  if (status === 408 || status >= 500) return idempotent ? 'retryable' : 'uncertain';
  // A redirected submit reached something that answered; whether it took the order is unknown.
  if (status >= 300 && status < 400 && !idempotent) return 'uncertain';
  return 'fatal';
}
