import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import { accountBaseUrl } from '../accounts/base-url-rule';
import { addAccount as addCoreAccount } from '../accounts/add-account';
import { ValidationError } from '../errors';
import { toAccountView } from './account-view';
import type { AppContext, AppCore } from './app-core';

type AddInput = ParsedRequest<'accounts.add'>;
type Secrets = Pick<AddInput, 'apiKey' | 'certificateBase64' | 'certificatePassphrase'>;

export async function listAccounts(_: ParsedRequest<'accounts.list'>, { core }: AppContext): Promise<Response<'accounts.list'>> {
  return Promise.all(core.accounts.list().map((a) => toAccountView(core, a)));
}

export async function addAccount(input: AddInput, { core }: AppContext): Promise<Response<'accounts.add'>> {
  if (input.certificateBase64 !== undefined && input.certificatePassphrase === undefined) {
    throw new ValidationError('certificatePassphrase', 'Enter the passphrase of the certificate.');
  }
  // The core's one account rule set: every check runs before anything is written, secrets go to the keychain.
  const account = await withContractFields(() => addCoreAccount(
    { accounts: core.accounts, secrets: core.secrets, now: core.clock.now() },
    {
      name: input.name,
      provider: input.provider,
      flavor: input.sandboxFlavor ?? undefined,
      baseUrl: input.baseUrl,
      merchantId: input.merchantId ?? undefined,
      clientProgramNumber: input.clientProgramNumber ?? undefined,
      currency: input.currency,
      apiKey: input.apiKey,
      certificate:
        input.certificateBase64 !== undefined && input.certificatePassphrase !== undefined
          ? { p12: Buffer.from(input.certificateBase64, 'base64'), passphrase: input.certificatePassphrase }
          : undefined,
      pollEverySeconds: input.pollEverySeconds,
      fetchConcurrency: input.fetchConcurrency,
    },
  ));
  core.audit.append({
    actor: 'user',
    action: 'account.add',
    subject: `account:${account.id}`,
    details: { name: account.name, provider: account.provider, apiKeyStored: input.apiKey !== undefined },
  });
  return toAccountView(core, account);
}

export async function editAccount(input: ParsedRequest<'accounts.edit'>, { core }: AppContext): Promise<Response<'accounts.edit'>> {
  const { id, apiKey, certificateBase64, certificatePassphrase, ...patch } = input;
  core.accounts.get(id);
  if (patch.name !== undefined) {
    const clash = core.accounts.findByName(patch.name);
    if (clash && clash.id !== id) throw new ValidationError('name', `An account named "${patch.name}" already exists.`);
  }
  if (patch.baseUrl !== undefined) patch.baseUrl = await withContractFields(async () => accountBaseUrl(patch.baseUrl!));
  const definedPatch = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const account = core.accounts.update(id, definedPatch);
  await storeSecrets(core, id, { apiKey, certificateBase64, certificatePassphrase });
  // The cached client holds the old key and settings.
  core.providers.forget(id);
  core.audit.append({
    actor: 'user',
    action: 'account.edit',
    subject: `account:${id}`,
    details: { fields: Object.keys(definedPatch), apiKeyReplaced: apiKey !== undefined, certificateReplaced: certificateBase64 !== undefined },
  });
  return toAccountView(core, account);
}

export async function removeAccount(
  { accountId }: ParsedRequest<'accounts.remove'>,
  { core }: AppContext,
): Promise<Response<'accounts.remove'>> {
  const account = core.accounts.get(accountId);
  if (core.orders.list({ accountId }).length > 0) {
    // Orders and their cards point at the account; removing it would orphan money already paid for.
    throw new ValidationError('accountId', `"${account.name}" has orders, so it is kept. Its cards stay reachable through it.`);
  }
  core.providers.forget(accountId);
  core.accounts.remove(accountId);
  await core.secrets.forget(accountId);
  core.audit.append({ actor: 'user', action: 'account.remove', subject: `account:${accountId}`, details: { name: account.name } });
  return { removed: true };
}

async function storeSecrets(core: AppCore, accountId: string, s: Secrets): Promise<void> {
  if (s.apiKey !== undefined) await core.secrets.setApiKey(accountId, s.apiKey);
  if (s.certificatePassphrase !== undefined) await core.secrets.setCertificatePassphrase(accountId, s.certificatePassphrase);
  if (s.certificateBase64 !== undefined) core.accounts.setCertificate(accountId, Buffer.from(s.certificateBase64, 'base64'));
}

/** The core names fields as the CLI spells its flags; the renderer knows them by the contract's request keys. */
const CONTRACT_FIELD: Record<string, string> = {
  'api-key': 'apiKey',
  'base-url': 'baseUrl',
  'merchant-id': 'merchantId',
  'client-program': 'clientProgramNumber',
  cert: 'certificateBase64',
  'fetch-concurrency': 'fetchConcurrency',
};

async function withContractFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ValidationError && err.field !== undefined && CONTRACT_FIELD[err.field]) {
      throw new ValidationError(CONTRACT_FIELD[err.field]!, err.message);
    }
    throw err;
  }
}
