import type { AccountSummary } from '../../core/app/accounts';
import type { CliContext } from '../cli-context';

/** An account as the CLI shows it: settings and whether a key is stored, never the key. */
export function printAccount(ctx: CliContext, account: AccountSummary): void {
  const shown = {
    id: account.id,
    name: account.name,
    provider: account.provider,
    flavor: account.sandboxFlavor,
    baseUrl: account.baseUrl,
    merchantId: account.merchantId,
    clientProgramNumber: account.clientProgramNumber,
    currency: account.currency,
    balanceRatePerMinute: account.balanceRatePerMinute,
    apiKey: account.hasApiKey ? `stored, ends ${account.apiKeyLast4 ?? '••••'}` : null,
    certificatePassphrase: account.hasCertificatePassphrase ? 'stored' : null,
  };
  if (ctx.json) ctx.out(JSON.stringify(shown));
  else ctx.out(`${account.name}\t${account.provider}${account.sandboxFlavor ? `/${account.sandboxFlavor}` : ''}\t${account.baseUrl}\t${account.currency}\t${shown.apiKey ?? ''}`);
}
