import { useEffect, useState } from 'react';
import type { AccountBalanceView } from '../../../shared/ipc/overview-views';
import { api, call, messageOf } from './api';

/** An account's prepaid balance while it is asked for, once told, or why it could not be. */
export type BalanceState = { asking: true } | (AccountBalanceView & { asking: false });

/**
 * Each account's prepaid balance, asked of its provider once per screen (and again on `askAgainOn` changing): each answer shows as it comes, so a slow
 * provider holds up no other account and nothing else on screen.
 */
export function useAccountBalances(accountIds: readonly string[], askAgainOn?: unknown): Record<string, BalanceState> {
  const [balances, setBalances] = useState<Record<string, BalanceState>>({});
  const key = accountIds.join('\u0000');
  useEffect(() => {
    let live = true;
    setBalances(Object.fromEntries(accountIds.map((id) => [id, { asking: true } as const])));
    for (const accountId of accountIds) {
      call(api().accounts.balance({ accountId })).then(
        (b) => live && setBalances((s) => ({ ...s, [accountId]: { ...b, asking: false } })),
        (err: unknown) => live && setBalances((s) => ({ ...s, [accountId]: { asking: false, accountId, balance: null, note: messageOf(err), failed: true, checkedAt: Date.now() } })),
      );
    }
    return () => {
      live = false;
    };
    // The ids, not the array's identity (the store hands out a new array on each load), unless the caller says otherwise.
  }, [key, askAgainOn]);
  return balances;
}
