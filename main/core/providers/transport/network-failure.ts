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
  const tlsCode =
    codes.find((c) => TLS_CODES.test(c)) ??
    // A server that refuses the client certificate may just close the socket mid-handshake; Node says so in words.
    (chain(error).some((e) => /before secure TLS connection was established/.test(messageOf(e))) ? 'handshake closed' : undefined);
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
  return chain(error).flatMap((e) => {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? [code] : [];
  });
}

/** The error, its causes, and the errors of any AggregateError among them (undici tries each address). */
function chain(error: unknown, depth = 0): object[] {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const errors = (error as { errors?: unknown }).errors;
  const nested = Array.isArray(errors) ? errors.flatMap((e) => chain(e, depth + 1)) : [];
  return [error, ...nested, ...chain((error as { cause?: unknown }).cause, depth + 1)];
}

function messageOf(e: object): string {
  const m = (e as { message?: unknown }).message;
  return typeof m === 'string' ? m : '';
}
