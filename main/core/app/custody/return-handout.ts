import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { summarizeHandouts, type HandoutSummary } from './handout-views';

/** After the event: every card of the hand-out not handed out goes back to stock, in one step, each in its history. */
export function returnHandout(deps: AppDeps, actor: Actor, handoutId: number): HandoutSummary & { returnedNow: number } {
  const returnedNow = deps.transaction(() => {
    const handout = deps.handouts.get(handoutId);
    const cards = deps.custody.reservedOf(handoutId);
    const now = deps.clock.now();
    const auditId = deps.audit.append(actor, { action: 'handout.return', details: { handoutId, name: handout.name, cards: cards.length } });
    for (const cardId of cards) deps.custody.move(cardId, 'return', { handoutId: null, recipientId: null, auditId }, now);
    deps.handouts.markReturned(handoutId, now);
    return cards.length;
  });
  return { ...summarizeHandouts(deps, [deps.handouts.get(handoutId)])[0]!, returnedNow };
}
