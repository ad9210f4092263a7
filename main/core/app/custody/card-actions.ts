import type { Actor } from '../../audit/vocabulary';
import { NotFoundError, ValidationError } from '../../errors';
import type { Custody, ReleaseTarget } from '../../store/repos/custody';
import type { AppDeps } from '../app-deps';

const MAX_REASON = 500;

/** A card lost, damaged or withdrawn: recorded with the reason (nothing is asked of the provider). */
export function voidCard(deps: AppDeps, actor: Actor, cardId: number, reason: string): Custody {
  const why = reason?.trim() ?? '';
  if (!why) throw new ValidationError('reason', 'Say why the card is void (lost, damaged, withdrawn…).');
  if (why.length > MAX_REASON) throw new ValidationError('reason', `The reason is longer than ${MAX_REASON} characters.`);
  return deps.transaction(() => {
    const before = custodyOf(deps, cardId);
    const auditId = deps.audit.append(actor, { action: 'card.void', details: { cardId, last4: last4Of(deps, cardId), handoutId: before.handoutId, from: before.state, reason: why } });
    return deps.custody.move(cardId, 'void', { voidReason: why, auditId, note: why }, deps.clock.now());
  });
}

/** An issued card put back into its hand-out: a mistake undone on purpose, and recorded as such. */
export function unissueCard(deps: AppDeps, actor: Actor, cardId: number, reason: string | null): Custody {
  const why = reason?.trim() || null;
  if (why && why.length > MAX_REASON) throw new ValidationError('reason', `The reason is longer than ${MAX_REASON} characters.`);
  return deps.transaction(() => {
    const before = custodyOf(deps, cardId);
    const auditId = deps.audit.append(actor, {
      action: 'card.unissue',
      details: { cardId, last4: last4Of(deps, cardId), handoutId: before.handoutId, reason: why, wasIssuedTo: before.issuedTo },
    });
    return deps.custody.move(cardId, 'unissue', { issuedTo: null, issuedAt: null, auditId, note: why }, deps.clock.now());
  });
}

/**
 * Clears "printed/exported before" (a person made sure the earlier sheet or file is gone or was never handed out), so
 * the cards can go into hand-outs again: the cards of one order, or the cards named.
 */
export function releaseCards(deps: AppDeps, actor: Actor, target: ReleaseTarget): number {
  return deps.transaction(() => {
    if ('cardIds' in target) for (const id of target.cardIds) custodyOf(deps, id);
    if ('orderId' in target && !deps.orders.find(target.orderId)) throw new ValidationError('order', `No order ${target.orderId}.`);
    const cards = deps.custody.release(target);
    if (cards > 0) {
      deps.audit.append(actor, {
        action: 'cards.release',
        details: {
          cards,
          orderId: 'orderId' in target ? target.orderId : null,
          cardIds: 'cardIds' in target ? [...target.cardIds] : [],
          line: 'line' in target ? target.line : null,
        },
      });
    }
    return cards;
  });
}

function custodyOf(deps: AppDeps, cardId: number): Custody {
  const found = deps.custody.find(cardId);
  if (!found) throw new ValidationError('card', `No card with id ${cardId} (the card id, as "handout show" and the card list give it, not its number).`);
  return found;
}

function last4Of(deps: AppDeps, cardId: number): string | null {
  const card = deps.cards.get(cardId);
  if (!card) throw new NotFoundError(`No card with id ${cardId}.`);
  return card.number ? card.number.slice(-4) : null;
}
