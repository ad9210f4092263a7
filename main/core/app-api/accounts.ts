import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import { ValidationError } from '../errors';
import { toAccountView } from './account-view';
import type { AppContext, AppCore } from './app-core';

type AddInput = ParsedRequest<'accounts.add'>;
type Secrets = Pick<AddInput, 'apiKey' | 'certificateBase64' | 'certificatePassphrase'>;

export async function listAccounts(_: ParsedRequest<'accounts.list'>, { core }: AppContext): Promise<Response<'accounts.list'>> {
  return Promise.all(core.accounts.list().map((a) => toAccountView(core, a)));
}

export async function addAccount(input: AddInput, { core }: AppContext): Promise<Response<'accounts.add'>> {
  const { apiKey, certificateBase64, certificatePassphrase, ...settings } = input;
  if (core.accounts.findByName(settings.name)) throw new ValidationError('name', `An account named "${settings.name}" already exists.`);
  if (settings.provider === 'sandbox' && settings.sandboxFlavor === null) {
    throw new ValidationError('sandboxFlavor', 'Choose which provider the sandbox account stands in for.');
  }
  const account = core.accounts.create(settings, core.clock.now());
  try {
    await storeSecrets(core, account.id, { apiKey, certificateBase64, certificatePassphrase });
  } catch (err) {
    // An account whose key did not reach the keychain would only fail later, less clearly.
    core.accounts.remove(account.id);
    throw err;
  }
  core.audit.append({
    actor: 'user',
    action: 'account.add',
    subject: `account:${account.id}`,
    details: { name: account.name, provider: account.provider, apiKeyStored: apiKey !== undefined },
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
  const definedPatch = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const account = core.accounts.update(id, definedPatch);
  await storeSecrets(core, id, { apiKey, certificateBase64, certificatePassphrase });
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
