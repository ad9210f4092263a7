import { accountApi } from '../../../shared/account-api';
import type { Account } from '../../../shared/domain';
import { systemClock, type Clock } from '../clock';
import { createBlackhawkClient } from './blackhawk/blackhawk-client';
import { interpretBlackhawkFailure } from './blackhawk/blackhawk-errors';
import { BLACKHAWK_DEFAULT_MS_TO_WAIT } from './blackhawk/blackhawk-limits';
import type { ProviderClient } from './provider-client';
import { ProviderError, type ProviderErrorDetails } from './provider-error';
import { transportBaseUrl } from './transport/base-url';
import { createTransport } from './transport/http-transport';
import { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS, type RetryPolicy } from './transport/retry-policy';
import { createTlsFetch, type ClientCertificate } from './transport/tls-dispatcher';
import { createWpayClient } from './wpay/wpay-client';
import { interpretWpayFailure } from './wpay/wpay-errors';

export {
  WPAY_BATCH_MAX_CARDS,
  WPAY_REALTIME_MAX_CARDS,
  WPAY_REFNO_MAX_LENGTH,
  WPAY_LIMITS,
} from './wpay/wpay-limits';
export {
  BLACKHAWK_MAX_CARDS,
  BLACKHAWK_REQUEST_ID_MAX_LENGTH,
  BLACKHAWK_DEFAULT_MS_TO_WAIT,
  BLACKHAWK_LIMITS,
} from './blackhawk/blackhawk-limits';

/** Secrets read from the keychain / encrypted store by the caller; this module never reads them itself. */
export interface ProviderSecrets {
  apiKey?: string | null;
  certificate?: ClientCertificate | null;
}

export interface ProviderClientOptions {
  clock?: Clock;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Jitter source for backoff. */
  random?: () => number;
  /** Blackhawk submit header; 15000 unless set. */
  blackhawkMillisecondsToWait?: number;
  /** PEM CAs trusted in addition to the system list and NODE_EXTRA_CA_CERTS (e.g. a private test CA). */
  extraTrustedCa?: string[];
}

export interface ProviderClientHandle extends ProviderClient {
  /** Closes the connection pool opened for a client certificate or extra CAs. */
  close(): Promise<void>;
}

/**
 * The client for an account. A sandbox account gets the client of the API its sandbox speaks, pointed at the
 * account's (loopback) base URL. Refuses, before any request, a base URL that is not https (loopback excepted) and
 * an account without the credentials its provider needs.
 */
export function createProviderClient(
  account: Account,
  secrets: ProviderSecrets,
  options: ProviderClientOptions = {},
): ProviderClientHandle {
  const label: ProviderErrorDetails['provider'] = account.provider;
  const flavor = accountApi(account);
  const missing = (what: string) =>
    new ProviderError({ provider: label, endpoint: 'account', httpStatus: null, providerCode: null, providerMessage: what, errorClass: 'fatal' });
  transportBaseUrl(label, account.baseUrl);

  const real = account.provider !== 'sandbox';
  const apiKey = secrets.apiKey ?? null;
  const certificate = secrets.certificate ?? null;
  if (real && flavor === 'wpay' && !apiKey) throw missing('no API key is stored for this account');
  if (real && flavor === 'blackhawk') {
    if (!certificate) throw missing('no client certificate (.p12) is stored for this account');
    if (!account.merchantId) throw missing('the account has no merchantId');
    if (!account.clientProgramNumber) throw missing('the account has no clientProgramNumber');
  }

  const tls = createTlsFetch(label, {
    clientCertificate: flavor === 'blackhawk' ? certificate : null,
    extraTrustedCa: options.extraTrustedCa,
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {};
  if (flavor === 'wpay' && apiKey) headers['X-Api-Key'] = apiKey;
  if (flavor === 'blackhawk' && account.merchantId) headers.merchantId = account.merchantId;

  const transport = createTransport({
    provider: label,
    baseUrl: account.baseUrl,
    headers,
    secrets: [apiKey, certificate?.passphrase].filter((s): s is string => Boolean(s)),
    timeoutMs,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    interpretFailure: flavor === 'wpay' ? interpretWpayFailure : interpretBlackhawkFailure,
    ...(tls ? { fetch: tls.fetch } : {}),
  });

  const client =
    flavor === 'wpay'
      ? createWpayClient({ transport, label: label === 'sandbox' ? 'sandbox' : 'wpay' })
      : createBlackhawkClient({
          transport,
          label: label === 'sandbox' ? 'sandbox' : 'blackhawk',
          clientProgramNumber: account.clientProgramNumber ?? '',
          millisecondsToWait: options.blackhawkMillisecondsToWait ?? BLACKHAWK_DEFAULT_MS_TO_WAIT,
          timeoutMs,
        });
  return Object.assign(client, { close: async () => tls?.close() });
}
