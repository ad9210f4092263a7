import { visibleTail } from '../../../../shared/mask';
import type { Actor } from '../../audit/vocabulary';
import { NotFoundError } from '../../errors';
import type { CardSearch } from '../../store/repos/cards';
import type { AppDeps } from '../app-deps';
import { maskCard, maskQuarantined, revealCard, type MaskedCard, type MaskedQuarantinedCard, type RevealedCard } from './card-views';
import { orderOf } from '../orders/order-of';
import { productNamer } from './card-product';

export type { MaskedCard, MaskedQuarantinedCard, RevealedCard } from './card-views';

const PAGE = 500;

/** Cards: found and listed masked; their numbers and PINs only through a reveal, which is written to the log first. */
export function cardCommands(deps: AppDeps) {
  const currencyOf = () => {
    const cache = new Map<number, string>();
    return (orderId: number) => {
      let currency = cache.get(orderId);
      if (currency === undefined) cache.set(orderId, (currency = deps.orders.find(orderId)?.currency ?? ''));
      return currency;
    };
  };
  return {
    /** One page of masked cards, keyed by the last id seen so that 25,000 cards are never sent at once. */
    search(_actor: Actor, q: CardSearch): { cards: MaskedCard[]; nextAfterId: number | null } {
      const limit = q.limit ?? PAGE;
      // One more than asked says whether another page exists, so a table never waits on an empty page.
      const found = deps.cards.search({ ...q, number: q.number?.replace(/\s+/g, ''), limit: limit + 1 });
      const cards = found.slice(0, limit);
      const currency = currencyOf();
      const productName = productNamer(deps);
      return { cards: cards.map((c) => maskCard(c, currency(c.orderId), productName(c), deps.custody.find(c.id))), nextAfterId: found.length > limit ? cards[cards.length - 1]!.id : null };
    },
    count: (_actor: Actor): number => deps.cards.countAll(),
    /** One card's number and PIN. */
    reveal(actor: Actor, cardId: number): RevealedCard {
      const card = deps.cards.get(cardId);
      if (!card) throw new NotFoundError(`No card with id ${cardId}.`);
      const order = deps.orders.get(card.orderId);
      deps.transaction(() =>
        deps.audit.append(actor, {
          action: 'cards.reveal',
          details: { orderId: card.orderId, reference: order.clientReference, cards: 1, cardId: card.id, last4: card.number ? visibleTail(card.number, card.pin) || null : null },
        }),
      );
      return revealCard(card);
    },
    /** All of an order's cards, masked, page by page as iterated (a 25,000-card order is never held at once). */
    ofOrder(_actor: Actor, orderId: number): Iterable<MaskedCard> {
      const order = orderOf(deps, orderId);
      const productName = productNamer(deps);
      return (function* () {
        for (const c of deps.cards.iterate(orderId)) yield maskCard(c, order.currency, productName(c));
      })();
    },
    /** The cards that came with an order but are not its own, masked, each with why it is kept apart. */
    quarantinedOf(_actor: Actor, orderId: number): MaskedQuarantinedCard[] {
      const order = orderOf(deps, orderId);
      return deps.quarantine.list(orderId).map((c) => maskQuarantined(c, order.currency));
    },
    /**
     * The quarantined cards in full, for the conversation with the provider; like a whole order's reveal it asks for a
     * passcode typed within five minutes, and is written to the log first.
     */
    revealQuarantined(actor: Actor, orderId: number): (RevealedCard & Pick<MaskedQuarantinedCard, 'amountCents' | 'expiry' | 'labels' | 'kind' | 'reason'>)[] {
      const order = orderOf(deps, orderId);
      deps.passcodeEntry.assertRecent('reveal the cards kept apart from an order');
      const cards = deps.quarantine.list(orderId);
      deps.transaction(() =>
        deps.audit.append(actor, {
          action: 'cards.reveal',
          details: { orderId, reference: order.clientReference, cards: cards.length, cardId: null, last4: null },
        }),
      );
      return cards.map((c) => ({ ...revealCard(c), amountCents: c.amountCents, expiry: c.expiry, labels: c.labels, kind: c.kind, reason: c.reason }));
    },
    /**
     * All of an order's cards in full; it asks for a passcode typed within five minutes, and the reveal is written to
     * the log before the first card is handed out.
     */
    revealOrder(actor: Actor, orderId: number): Iterable<RevealedCard & Pick<MaskedCard, 'amountCents' | 'expiry' | 'labels'>> {
      const order = orderOf(deps, orderId);
      deps.passcodeEntry.assertRecent('reveal all of an order’s cards');
      deps.transaction(() =>
        deps.audit.append(actor, {
          action: 'cards.reveal',
          details: { orderId, reference: order.clientReference, cards: deps.cards.count(orderId), cardId: null, last4: null },
        }),
      );
      const cards = deps.cards.iterate(orderId);
      return (function* () {
        for (const c of cards) yield { ...revealCard(c), amountCents: c.amountCents, expiry: c.expiry, labels: c.labels };
      })();
    },
  };
}
