import { GiftdeskError } from '../../errors';
import { ProviderError } from '../../providers/provider-error';
import type { AppDeps } from '../app-deps';

export interface AccountBalance {
  accountId: string;
  /** The prepaid balance the provider told now; null when it does not tell one (Blackhawk) or could not be asked. */
  balance: { cents: number; currency: string } | null;
  /** Why there is no balance, in words; null when there is one. */
  note: string | null;
  /** The provider could not be asked, or refused (not: it reports no balance). */
  failed: boolean;
  checkedAt: number;
}

/**
 * The prepaid balance as the provider tells it now, for the overview and the account picker. A provider that cannot
 * be reached (no key, refused, down) is a note beside the account, never an error that hides the others.
 */
export async function accountBalance(deps: AppDeps, accountId: string): Promise<AccountBalance> {
  deps.accounts.get(accountId);
  const checkedAt = deps.clock.now();
  try {
    const balance = await (await deps.providers.clientFor(accountId)).balance();
    return { accountId, balance, note: balance ? null : 'Not reported by this provider', failed: false, checkedAt };
  } catch (err) {
    if (!(err instanceof GiftdeskError)) throw err;
    return { accountId, balance: null, note: `No balance: ${shortReason(err)}`, failed: true, checkedAt };
  }
}

/** The provider's own words, short enough to sit beside an account ("Invalid API key (AP01)"); the endpoint is no use here. */
function shortReason(err: GiftdeskError): string {
  if (!(err instanceof ProviderError)) return err.message;
  const words = err.providerMessage ?? (err.httpStatus === null ? 'no answer from the provider' : `HTTP ${err.httpStatus}`);
  return err.providerCode ? `${words} (${err.providerCode})` : words;
}
