import type { ProviderErrorClass } from '../provider-error';

export interface NetworkFailure {
  /** Whether the request can have reached the provider. */
  reachedProvider: boolean;
  /** A TLS problem (certificate refused, untrusted server): repeating will not help. */
  tls: boolean;
  timedOut: boolean;
  /** Short words for people; never the raw error text, which may carry a URL. */
  description: string;
}

/** Failures in which no byte of the request can have reached the provider. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_OSSL_)/;

/** What a thrown fetch error (possibly wrapped by ofetch and undici) says about the request's fate. */
export function describeNetworkFailure(error: unknown, timedOut: boolean): NetworkFailure {
  if (timedOut) {
    return { reachedProvider: true, tls: false, timedOut: true, description: 'no answer before the timeout' };
  }
  const codes = errorCodes(error);
  const tlsCode = codes.find((c) => TLS_CODES.test(c));
  if (tlsCode) {
    return {
      reachedProvider: false,
      tls: true,
      timedOut: false,
      description: `the secure connection was refused (${tlsCode}); check the client certificate and the server's certificate`,
    };
  }
  const notSent = codes.find((c) => NOT_SENT.has(c));
  if (notSent) {
    return { reachedProvider: false, tls: false, timedOut: false, description: `could not connect (${notSent})` };
  }
  const code = codes[0];
  return {
    reachedProvider: true,
    tls: false,
    timedOut: false,
    description: code ? `the connection dropped (${code})` : 'the connection dropped',
  };
}

export function networkFailureClass(failure: NetworkFailure, idempotent: boolean): ProviderErrorClass {
  if (failure.tls) return 'fatal';
  if (!failure.reachedProvider || idempotent) return 'retryable';
  return 'uncertain';
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) codes.push(...errors.flatMap((e) => errorCodes(e)));
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}
