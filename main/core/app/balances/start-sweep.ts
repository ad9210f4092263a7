import type { SweepScope } from '../../../../shared/balance-sweep-state-machine';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { Sweep } from '../../store/repos/balances';
import type { AppDeps } from '../app-deps';
import { orderOf } from '../orders/order-of';

/**
 * Records a balance sweep of a card (Giftdesk's id), a hand-out, an order or every issued card, with its audit entry,
 * in one commit; then the process holding the engine lease drives it (this one, when no other holds it and it is
 * not detached).
 */
export function startSweep(deps: AppDeps, actor: Actor, scope: SweepScope, options: { detach?: boolean } = {}): Sweep {
  checkScope(deps, scope);
  const cardIds = deps.balances.cardsOf(scope);
  if (cardIds.length === 0) throw new ValidationError(fieldOf(scope), emptyWords(scope));
  const sweep = deps.transaction(() => {
    const created = deps.balances.create(scope, cardIds, deps.clock.now());
    const target = scope.kind === 'card' ? scope.cardId : scope.kind === 'handout' ? scope.handoutId : scope.kind === 'order' ? scope.orderId : null;
    deps.audit.append(actor, { action: 'balance.sweep', details: { sweepId: created.id, scope: scope.kind, target, cards: cardIds.length } });
    return created;
  });
  // Detached, it is left to the process holding the lease, or to the next `resume` or start of the app.
  if (!options.detach) deps.balanceEngine.start(sweep.id);
  return sweep;
}

function checkScope(deps: AppDeps, scope: SweepScope): void {
  if (scope.kind === 'card' && !deps.custody.find(scope.cardId)) throw new ValidationError('card', `No card ${scope.cardId} (give Giftdesk's card id, as "cards" lists it, never the card number).`);
  if (scope.kind === 'handout' && !deps.handouts.find(scope.handoutId)) throw new ValidationError('handout', `No hand-out ${scope.handoutId} (see "handout list").`);
  if (scope.kind === 'order') orderOf(deps, scope.orderId);
}

const fieldOf = (scope: SweepScope) => (scope.kind === 'issued' ? 'issued' : scope.kind);

function emptyWords(scope: SweepScope): string {
  if (scope.kind === 'issued') return 'No card is issued yet: there is no balance to check.';
  if (scope.kind === 'handout') return `Hand-out ${scope.handoutId} holds no card now (its rest went back to stock).`;
  return scope.kind === 'order' ? `Order ${scope.orderId} holds no card to check.` : `Card ${scope.kind === 'card' ? scope.cardId : ''} cannot be checked.`;
}
