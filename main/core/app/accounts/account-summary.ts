import { accountApi } from '../../../../shared/account-api';
import type { Account } from '../../../../shared/domain';
import type { AppDeps } from '../app-deps';

/** An account as people may see it: its settings, which API it speaks, whether its secrets are stored, never them. */
export interface AccountSummary extends Account {
  api: 'wpay' | 'blackhawk';
  hasApiKey: boolean;
  /** The key's last four characters (only for keys long enough that four give nothing away). */
  apiKeyLast4: string | null;
  hasCertificate: boolean;
  hasCertificatePassphrase: boolean;
}

export async function summarizeAccount(deps: Pick<AppDeps, 'secrets' | 'accounts'>, account: Account): Promise<AccountSummary> {
  const secrets = await deps.secrets.describe(account.id);
  return {
    ...account,
    api: accountApi(account),
    hasApiKey: secrets.hasApiKey,
    apiKeyLast4: secrets.apiKeyLast4,
    hasCertificatePassphrase: secrets.hasCertificatePassphrase,
    hasCertificate: deps.accounts.certificate(account.id) !== null,
  };
}
