import { formatMoney } from '../lib/format';
import type { BalanceState } from '../lib/use-account-balances';

/** Below the person's threshold (cents in the balance's own currency); false without a threshold or a balance. */
export function isLow(state: BalanceState | undefined, thresholdCents: number | null): boolean {
  return thresholdCents !== null && state !== undefined && !state.asking && state.balance !== null && state.balance.cents < thresholdCents;
}

/** An account's prepaid balance in words: being asked, the amount (flagged when low), or why there is none. */
export function PrepaidBalance({ state, thresholdCents }: { state: BalanceState | undefined; thresholdCents: number | null }) {
  if (!state || state.asking) return <span className="muted">Asking the provider…</span>;
  if (!state.balance) return <span className={state.failed ? 'balance-failed' : 'muted'}>{state.note}</span>;
  const amount = formatMoney(state.balance.cents, state.balance.currency);
  if (!isLow(state, thresholdCents)) return <span className="balance-amount">{amount}</span>;
  return (
    <span className="balance-amount low">
      {amount} <span className="badge low-balance">Low: below {formatMoney(thresholdCents!, state.balance.currency)}</span>
    </span>
  );
}
