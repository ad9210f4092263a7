import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { sweepProgress, type SweepProgress } from './sweep-progress';

/**
 * Cancels a sweep: recorded with its audit entry; its driver (here, or in the process holding the lease, which sees
 * it at its next look) stops. Answers recorded so far are kept; the cards not asked yet get none from this sweep.
 */
export async function cancelSweep(deps: AppDeps, actor: Actor, sweepId: number): Promise<SweepProgress> {
  deps.balances.transition(sweepId, 'cancel', actor, deps.clock.now());
  await deps.balanceEngine.halt(sweepId);
  return sweepProgress(deps, deps.balances.get(sweepId));
}
