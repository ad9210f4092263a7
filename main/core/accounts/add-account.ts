import { createSecureContext } from 'node:tls';
import type { Account, ProviderName } from '../../../shared/domain';
import { PROVIDERS } from '../../../shared/domain';
import { ValidationError } from '../errors';
import { accountBaseUrl } from './base-url-rule';
import type { AccountSecrets } from '../secrets/account-secrets';
import type { AccountsRepo } from '../store/repos/accounts';

export const TEST_HOSTS: Record<'wpay' | 'blackhawk', string> = {
  wpay: 'https://pt-api.wpay.com.au',
  blackhawk: 'https://apipp.blackhawknetwork.com',
};
const DEFAULT_CURRENCY: Record<'wpay' | 'blackhawk', string> = { wpay: 'AUD', blackhawk: 'USD' };
export const SANDBOX_BASE_URL = 'http://127.0.0.1';

export interface AddAccountInput {
  name: string;
  provider: ProviderName;
  /** For a sandbox account: which provider's API it imitates. */
  flavor?: 'wpay' | 'blackhawk';
  baseUrl?: string;
  merchantId?: string;
  clientProgramNumber?: string;
  currency?: string;
  /** The Wpay API key (or a sandbox key to test with); never stored outside the keychain. */
  apiKey?: string;
  /** The Blackhawk client certificate and its passphrase. */
  certificate?: { p12: Uint8Array; passphrase: string };
  pollEverySeconds?: number | null;
  fetchConcurrency?: number;
}

/**
 * Checks an account's settings and secrets, then stores the settings in the store and the secrets in the keychain.
 * Every check runs before anything is written.
 */
export async function addAccount(
  deps: { accounts: AccountsRepo; secrets: AccountSecrets; now: number },
  input: AddAccountInput,
): Promise<Account> {
  const name = input.name.trim();
  if (!name) throw new ValidationError('name', 'Give the account a name.');
  if (name.length > 80) throw new ValidationError('name', 'The name is longer than 80 characters.');
  if (!PROVIDERS.includes(input.provider)) throw new ValidationError('provider', 'The provider must be wpay, blackhawk or sandbox.');
  if (deps.accounts.findByName(name)) throw new ValidationError('name', `There is already an account called "${name}".`);
  const flavor = input.provider === 'sandbox' ? (input.flavor ?? 'wpay') : input.provider;
  const baseUrl = input.provider === 'sandbox' ? SANDBOX_BASE_URL : accountBaseUrl(input.baseUrl ?? TEST_HOSTS[flavor]);
  const apiKey = input.apiKey?.trim() || undefined;
  if (input.provider === 'wpay' && !apiKey) throw new ValidationError('api-key', 'A Wpay account needs its API key.');
  let merchantId: string | null = null;
  let clientProgramNumber: string | null = null;
  if (input.provider === 'blackhawk') {
    merchantId = required('merchant-id', input.merchantId, 'A Blackhawk account needs its merchant id (MID).');
    clientProgramNumber = required('client-program', input.clientProgramNumber, 'A Blackhawk account needs its client program number.');
    if (!/^\d+$/.test(clientProgramNumber)) throw new ValidationError('client-program', 'The client program number is digits only.');
    if (!input.certificate) throw new ValidationError('cert', 'A Blackhawk account needs its client certificate (.p12) and passphrase.');
    checkCertificate(input.certificate);
  }
  const fetchConcurrency = input.fetchConcurrency ?? 2;
  if (!Number.isInteger(fetchConcurrency) || fetchConcurrency < 1 || fetchConcurrency > 16) {
    throw new ValidationError('fetch-concurrency', 'Pages fetched at once must be between 1 and 16.');
  }
  const currency = (input.currency ?? DEFAULT_CURRENCY[flavor]).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ValidationError('currency', 'The currency is a three-letter code such as AUD.');

  const account = deps.accounts.create(
    {
      name,
      provider: input.provider,
      baseUrl,
      merchantId,
      clientProgramNumber,
      sandboxFlavor: input.provider === 'sandbox' ? flavor : null,
      currency,
      fetchConcurrency,
      pollEverySeconds: input.pollEverySeconds ?? null,
    },
    deps.now,
  );
  try {
    if (apiKey) await deps.secrets.setApiKey(account.id, apiKey);
    if (input.certificate) {
      await deps.secrets.setCertificatePassphrase(account.id, input.certificate.passphrase);
      deps.accounts.setCertificate(account.id, input.certificate.p12);
    }
  } catch (err) {
    // Without its secrets the account is useless: take it back out rather than leave half of it.
    deps.accounts.remove(account.id);
    throw err;
  }
  return account;
}

function required(field: string, value: string | undefined, message: string): string {
  const v = value?.trim();
  if (!v) throw new ValidationError(field, message);
  return v;
}

function checkCertificate(cert: { p12: Uint8Array; passphrase: string }): void {
  try {
    createSecureContext({ pfx: Buffer.from(cert.p12), passphrase: cert.passphrase });
  } catch {
    throw new ValidationError('cert', 'The certificate file cannot be opened with that passphrase (or is not a .p12 file).');
  }
}
