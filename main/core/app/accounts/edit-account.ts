import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { AccountPatch } from '../../store/repos/accounts';
import type { AppDeps } from '../app-deps';
import { accountBaseUrl, accountName, balanceRatePerMinute, certificateOpens, clientProgramNumber, currencyCode, fetchConcurrency, pollEverySeconds, required } from './account-rules';
import { summarizeAccount, type AccountSummary } from './account-summary';
import { connectionNote, testBeforeSaving, type ConnectionChoice } from './check-before-saving';

export interface EditAccountInput {
  id: string;
  name?: string;
  baseUrl?: string;
  merchantId?: string | null;
  clientProgramNumber?: string | null;
  sandboxFlavor?: 'wpay' | 'blackhawk' | null;
  currency?: string;
  fetchConcurrency?: number;
  pollEverySeconds?: number | null;
  balanceRatePerMinute?: number;
  /** Replaces the stored key (write-only). */
  apiKey?: string;
  /** Replaces the certificate; it must open with the passphrase given, or with the one stored. */
  certificate?: Uint8Array;
  certificatePassphrase?: string;
  /** When the key, certificate or host changes: test the connection first (nothing saved if it fails), or save anyway. */
  connection?: ConnectionChoice;
}

/**
 * Changes an account's settings and replaces its secrets, by the same rules as adding one. The client built with the
 * old settings is dropped, so the next call uses the new ones.
 *
 * A key or host change asks for a recently typed passcode. A new host (scheme, name or port) removes the stored API key
 * and certificate passphrase, which must be entered again: a key given to one host is never sent to another.
 */
export async function editAccount(deps: AppDeps, actor: Actor, input: EditAccountInput): Promise<AccountSummary> {
  const current = deps.accounts.get(input.id);
  const patch: AccountPatch = {};
  if (input.name !== undefined) {
    patch.name = accountName(input.name);
    const clash = deps.accounts.findByName(patch.name);
    if (clash && clash.id !== current.id) throw new ValidationError('name', `An account named "${patch.name}" already exists.`);
  }
  if (input.baseUrl !== undefined && current.provider !== 'sandbox') patch.baseUrl = accountBaseUrl(input.baseUrl);
  const blackhawk = current.provider === 'blackhawk';
  if (input.merchantId !== undefined) {
    patch.merchantId = blackhawk ? required('merchantId', input.merchantId, 'A Blackhawk account needs its merchant id (MID).') : input.merchantId?.trim() || null;
  }
  if (input.clientProgramNumber !== undefined) {
    patch.clientProgramNumber = blackhawk ? clientProgramNumber(input.clientProgramNumber) : input.clientProgramNumber?.trim() || null;
  }
  if (input.sandboxFlavor !== undefined && current.provider === 'sandbox') patch.sandboxFlavor = input.sandboxFlavor ?? 'wpay';
  if (input.currency !== undefined) patch.currency = currencyCode(input.currency);
  if (input.fetchConcurrency !== undefined) patch.fetchConcurrency = fetchConcurrency(input.fetchConcurrency);
  if (input.pollEverySeconds !== undefined) patch.pollEverySeconds = pollEverySeconds(input.pollEverySeconds);
  if (input.balanceRatePerMinute !== undefined) patch.balanceRatePerMinute = balanceRatePerMinute(input.balanceRatePerMinute);
  const apiKey = input.apiKey?.trim() || undefined;
  const hostChanged = patch.baseUrl !== undefined && new URL(patch.baseUrl).origin !== new URL(current.baseUrl).origin;
  const reachChanged = hostChanged || apiKey !== undefined || input.certificate !== undefined || input.certificatePassphrase !== undefined;
  if (reachChanged) deps.passcodeEntry.assertRecent('change an account’s key or host');
  if (input.certificate) {
    const stored = hostChanged ? null : await deps.secrets.certificatePassphrase(current.id);
    const passphrase = input.certificatePassphrase ?? stored;
    if (passphrase === null) throw new ValidationError('certificatePassphrase', 'Enter the passphrase of the certificate.');
    certificateOpens(input.certificate, passphrase);
  }
  const tested = reachChanged && input.connection !== undefined;
  if (tested && input.connection === 'test') await testBeforeSaving(deps, { ...current, ...patch }, await secretsAfterEdit(deps, current.id, input, apiKey, hostChanged));

  // The old host's secrets go before anything else is written, so a failure later cannot leave them for the new host.
  if (hostChanged) {
    deps.providers.forget(current.id);
    await deps.secrets.forget(current.id);
  }
  if (apiKey) await deps.secrets.setApiKey(current.id, apiKey);
  if (input.certificatePassphrase !== undefined) await deps.secrets.setCertificatePassphrase(current.id, input.certificatePassphrase);
  const account = deps.transaction(() => {
    const updated = deps.accounts.update(current.id, patch);
    if (input.certificate) deps.accounts.setCertificate(current.id, input.certificate);
    deps.audit.append(actor, {
      action: 'account.edit',
      details: {
        accountId: current.id,
        name: updated.name,
        fields: Object.keys(patch),
        apiKeyReplaced: apiKey !== undefined,
        certificateReplaced: input.certificate !== undefined,
        secretsRemoved: hostChanged,
        ...(tested ? connectionNote(input.connection) : {}),
      },
    });
    return updated;
  });
  // The cached client holds the old key and settings.
  deps.providers.forget(current.id);
  return summarizeAccount(deps, account);
}

/** The key and certificate the account will have once this edit is saved: the ones typed, else the stored ones (none after a new host). */
async function secretsAfterEdit(deps: AppDeps, id: string, input: EditAccountInput, apiKey: string | undefined, hostChanged: boolean) {
  const storedKey = hostChanged ? null : await deps.secrets.apiKey(id);
  const p12 = input.certificate ?? deps.accounts.certificate(id);
  const passphrase = input.certificatePassphrase ?? (hostChanged ? null : await deps.secrets.certificatePassphrase(id));
  return { apiKey: apiKey ?? storedKey, certificate: p12 && passphrase !== null ? { p12, passphrase } : null };
}
