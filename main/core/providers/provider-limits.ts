import { accountApi } from '../../../shared/account-api';
import type { Account } from '../../../shared/domain';
import { BLACKHAWK_LIMITS } from './blackhawk/blackhawk-limits';
import type { ProviderLimits } from './provider-client';
import { WPAY_LIMITS } from './wpay/wpay-limits';

/** The limits of the API an account speaks; known without a client, so they can be checked before one is built. */
export function limitsFor(account: Pick<Account, 'provider' | 'sandboxFlavor'>): ProviderLimits {
  return accountApi(account) === 'blackhawk' ? BLACKHAWK_LIMITS : WPAY_LIMITS;
}
