import { accountApi } from '../../../shared/account-api';
import type { Account } from '../../../shared/domain';
import { BLACKHAWK_NO_BALANCE } from './blackhawk/blackhawk-client';

/**
 * Whether an account's provider answers card balance checks, and at what rate. Wpay does, card by card, at the
 * account's rate (50 a minute unless its account manager changed it); Blackhawk's bulk eGift API documents no balance
 * call, so its cards are "not available" without a request, never a guess.
 */
export function balanceRule(account: Pick<Account, 'provider' | 'sandboxFlavor' | 'balanceRatePerMinute'>): { available: true; perMinute: number } | { available: false; reason: string } {
  return accountApi(account) === 'blackhawk' ? { available: false, reason: BLACKHAWK_NO_BALANCE } : { available: true, perMinute: account.balanceRatePerMinute };
}
