import type { SweepScope, SweepState } from '../../../../shared/balance-sweep-state-machine';
import { balanceRule } from '../../providers/balance-rule';
import { sweepEtaMs } from '../../balances/sweep-eta';
import type { Sweep } from '../../store/repos/balances';
import type { AppDeps } from '../app-deps';

/** How a sweep stands, for a progress line or bar: answers so far, what is left, and when it will be done. */
export interface SweepProgress {
  sweepId: number;
  scope: SweepScope;
  state: SweepState;
  cards: number;
  answered: number;
  notAvailable: number;
  failed: number;
  /** Checks sent more than once (after a kill, the ones that were in flight). */
  resent: number;
  /** Milliseconds until the last card is asked at its account's rate; 0 when over. */
  etaMs: number;
  driver: string | null;
  lastError: string | null;
}

export function sweepProgress(deps: AppDeps, sweep: Sweep): SweepProgress {
  const counts = deps.balances.progress(sweep.id);
  const left = new Map<string, number>();
  if (sweep.state === 'queued' || sweep.state === 'running') for (const c of deps.balances.unanswered(sweep.id)) left.set(c.accountId, (left.get(c.accountId) ?? 0) + 1);
  let etaMs = 0;
  const windowMs = deps.balanceTiming.windowMs + deps.balanceTiming.marginMs;
  // Accounts are asked side by side, each at its own rate: the sweep ends with the slowest.
  for (const [accountId, n] of left) {
    const account = deps.accounts.find(accountId);
    const rule = account ? balanceRule(account) : null;
    if (rule?.available) etaMs = Math.max(etaMs, sweepEtaMs(n, rule.perMinute, windowMs));
  }
  return {
    sweepId: sweep.id,
    scope: sweep.scope,
    state: sweep.state,
    cards: sweep.cards,
    answered: counts.answered,
    notAvailable: counts.notAvailable,
    failed: counts.failed,
    resent: counts.resent,
    etaMs,
    driver: sweep.driver,
    lastError: sweep.lastError,
  };
}
