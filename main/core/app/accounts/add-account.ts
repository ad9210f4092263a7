import { randomUUID } from 'node:crypto';
import { accountApi } from '../../../../shared/account-api';
import { PROVIDERS, type ProviderName } from '../../../../shared/domain';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import { DEFAULT_CURRENCY, SANDBOX_BASE_URL, TEST_HOSTS } from '../../providers/provider-hosts';
import type { AppDeps } from '../app-deps';
import { accountBaseUrl, accountName, balanceRatePerMinute, certificateOpens, clientProgramNumber, currencyCode, fetchConcurrency, pollEverySeconds, required } from './account-rules';
import { DEFAULT_BALANCE_RATE_PER_MINUTE } from '../../store/repos/accounts';
import { summarizeAccount, type AccountSummary } from './account-summary';
import { connectionNote, testBeforeSaving, type ConnectionChoice } from './check-before-saving';

export interface AddAccountInput {
  name: string;
  provider: ProviderName;
  /** For a sandbox account: which provider's API it imitates (Wpay unless given). */
  sandboxFlavor?: 'wpay' | 'blackhawk' | null;
  /** The provider's test host unless given; a sandbox account always reaches the built-in sandbox. */
  baseUrl?: string;
  merchantId?: string | null;
  clientProgramNumber?: string | null;
  currency?: string;
  /** The Wpay API key (or a key to test a sandbox with); stored in the keychain only. */
  apiKey?: string;
  /** The Blackhawk client certificate (.p12) and its passphrase (the passphrase goes to the keychain). */
  certificate?: Uint8Array;
  certificatePassphrase?: string;
  pollEverySeconds?: number | null;
  fetchConcurrency?: number;
  /** Balance checks per minute at most (50, Wpay's documented limit, unless given). */
  balanceRatePerMinute?: number;
  /** Test the connection first and store nothing if it fails, or save anyway; absent: save without a test. */
  connection?: ConnectionChoice;
}

/**
 * Adds an account. Every rule is checked before anything is written; the secrets go to the keychain first (under the
 * account's id, chosen up front), then the account and its audit entry are committed together.
 */
export async function addAccount(deps: AppDeps, actor: Actor, input: AddAccountInput): Promise<AccountSummary> {
  const name = accountName(input.name);
  if (!PROVIDERS.includes(input.provider)) throw new ValidationError('provider', 'The provider must be wpay, blackhawk or sandbox.');
  if (deps.accounts.findByName(name)) throw new ValidationError('name', `There is already an account called "${name}".`);
  const sandbox = input.provider === 'sandbox';
  const sandboxFlavor = sandbox ? (input.sandboxFlavor ?? 'wpay') : null;
  const api = accountApi({ provider: input.provider, sandboxFlavor });
  const baseUrl = sandbox ? SANDBOX_BASE_URL : accountBaseUrl(input.baseUrl ?? TEST_HOSTS[api]);
  const apiKey = input.apiKey?.trim() || undefined;
  if (input.provider === 'wpay' && !apiKey) throw new ValidationError('apiKey', 'A Wpay account needs its API key.');
  if (input.certificate && input.certificatePassphrase === undefined) {
    throw new ValidationError('certificatePassphrase', 'Enter the passphrase of the certificate.');
  }
  let merchantId: string | null = null;
  let programNumber: string | null = null;
  if (input.provider === 'blackhawk') {
    merchantId = required('merchantId', input.merchantId, 'A Blackhawk account needs its merchant id (MID).');
    programNumber = clientProgramNumber(input.clientProgramNumber);
    if (!input.certificate) throw new ValidationError('certificate', 'A Blackhawk account needs its client certificate (.p12) and passphrase.');
  }
  if (input.certificate) certificateOpens(input.certificate, input.certificatePassphrase ?? '');
  const settings = {
    name,
    provider: input.provider,
    baseUrl,
    merchantId,
    clientProgramNumber: programNumber,
    sandboxFlavor,
    currency: currencyCode(input.currency ?? DEFAULT_CURRENCY[api]),
    fetchConcurrency: fetchConcurrency(input.fetchConcurrency ?? 2),
    pollEverySeconds: pollEverySeconds(input.pollEverySeconds ?? null),
    balanceRatePerMinute: balanceRatePerMinute(input.balanceRatePerMinute ?? DEFAULT_BALANCE_RATE_PER_MINUTE),
  };

  const id = randomUUID();
  if (input.connection === 'test') {
    const certificate = input.certificate ? { p12: input.certificate, passphrase: input.certificatePassphrase ?? '' } : null;
    await testBeforeSaving(deps, { id, ...settings, createdAt: deps.clock.now() }, { apiKey: apiKey ?? null, certificate });
  }
  try {
    if (apiKey) await deps.secrets.setApiKey(id, apiKey);
    if (input.certificatePassphrase !== undefined) await deps.secrets.setCertificatePassphrase(id, input.certificatePassphrase);
    const account = deps.transaction(() => {
      const created = deps.accounts.create(settings, deps.clock.now(), id);
      if (input.certificate) deps.accounts.setCertificate(id, input.certificate);
      deps.audit.append(actor, {
        action: 'account.add',
        details: { accountId: id, name, provider: input.provider, api, apiKeyStored: apiKey !== undefined, certificateStored: input.certificate !== undefined, ...connectionNote(input.connection) },
      });
      return created;
    });
    return await summarizeAccount(deps, account);
  } catch (err) {
    // Without its row the secrets belong to nothing: take them back out rather than leave them behind.
    if (!deps.accounts.find(id)) await deps.secrets.forget(id).catch(() => undefined);
    throw err;
  }
}
