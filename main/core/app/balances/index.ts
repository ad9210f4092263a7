import type { SweepScope } from '../../../../shared/balance-sweep-state-machine';
import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { cardBalance, cardBalances, handoutBalance } from './card-balances';
import { cancelSweep } from './cancel-sweep';
import { expiringCards, expiryNotice, type ExpiryHorizon } from './expiring';
import { startSweep } from './start-sweep';
import { sweepProgress, type SweepProgress } from './sweep-progress';

export type { SweepProgress } from './sweep-progress';
export type { CardBalanceView, HandoutBalance } from './card-balances';
export { EXPIRY_HORIZONS, type ExpiryHorizon, type ExpiringGroup } from './expiring';

/** Balances and expiry: sweeps (start, follow, cancel, resume), each card's reading and history, expiring stock. */
export function balanceCommands(deps: AppDeps) {
  const progressOf = (sweepId: number) => sweepProgress(deps, deps.balances.get(sweepId));
  return {
    start: (actor: Actor, scope: SweepScope, options: { detach?: boolean } = {}): SweepProgress => sweepProgress(deps, startSweep(deps, actor, scope, options)),
    cancel: (actor: Actor, sweepId: number) => cancelSweep(deps, actor, sweepId),
    progress: (_actor: Actor, sweepId: number) => progressOf(sweepId),
    /** The sweeps not over yet: what a `resume` would carry on. */
    open: (_actor: Actor) => deps.balances.open().map((s) => sweepProgress(deps, s)),
    /** The sweeps most recently started, newest first. */
    list: (_actor: Actor) => deps.balances.recent().map((s) => sweepProgress(deps, s)),
    /** Resolves once the sweep is over (driven here or by the process holding the lease), telling `listener` as it goes. */
    follow: async (_actor: Actor, sweepId: number, listener: (p: SweepProgress) => void): Promise<SweepProgress> =>
      sweepProgress(deps, await deps.balanceEngine.follow(sweepId, (s) => listener(sweepProgress(deps, s)))),
    /** Carries every unfinished sweep on; its progress each. */
    resumeAll: (_actor: Actor): SweepProgress[] => deps.balanceEngine.resumeAll().map((s) => progressOf(s.id)),
    card: (_actor: Actor, cardId: number) => cardBalance(deps, cardId),
    /** The readings of a sweep's cards, as they stand now. */
    cardsOfSweep: (_actor: Actor, sweepId: number, only: readonly number[] | null = null) =>
      cardBalances(deps, only ?? deps.balances.answersOf(sweepId).map((a) => a.cardId)),
    handout: (_actor: Actor, handoutId: number) => handoutBalance(deps, handoutId),
    expiring: (_actor: Actor, days: ExpiryHorizon) => expiringCards(deps, days),
    /** The daily notice about stock expiring within 30 days, or null (none, or already given today). */
    expiryNotice: (_actor: Actor) => expiryNotice(deps),
    onChange: (listener: (sweepId: number) => void) => deps.balanceEngine.onChange(listener),
  };
}
