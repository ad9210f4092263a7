import type { Account } from '../../../shared/domain';
import type { AccountView } from '../../../shared/ipc/views';
import type { AppCore } from './app-core';

/** An account as the renderer may see it: whether secrets are stored and the key's last four, never a secret. */
export async function toAccountView(core: AppCore, account: Account): Promise<AccountView> {
  const secrets = await core.secrets.describe(account.id);
  return {
    ...account,
    hasApiKey: secrets.hasApiKey,
    apiKeyLast4: secrets.apiKeyLast4,
    hasCertificatePassphrase: secrets.hasCertificatePassphrase,
    hasCertificate: core.accounts.certificate(account.id) !== null,
  };
}
