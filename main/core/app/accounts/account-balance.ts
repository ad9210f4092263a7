import { GiftdeskError } from '../../errors';
import type { AppDeps } from '../app-deps';

export interface AccountBalance {
  accountId: string;
  /** The prepaid balance the provider told now; null when it does not tell one (Blackhawk) or could not be asked. */
  balance: { cents: number; currency: string } | null;
  /** Why there is no balance, in words; null when there is one. */
  note: string | null;
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
    return { accountId, balance, note: balance ? null : 'This provider does not report a prepaid balance.', checkedAt };
  } catch (err) {
    if (!(err instanceof GiftdeskError)) throw err;
    return { accountId, balance: null, note: `The balance could not be read: ${err.message}`, checkedAt };
  }
}
