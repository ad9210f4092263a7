import type { Card } from '../../../shared/domain';
import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import type { CardView } from '../../../shared/ipc/views';
import { maskCardNumber, maskPin } from '../../../shared/mask';
import { NotFoundError } from '../errors';
import type { AppContext, AppCore } from './app-core';

const PAGE = 500;

/** One page of masked cards. Pages are keyed by the last id seen so that 25,000 cards are never sent at once. */
export async function searchCards(q: ParsedRequest<'cards.search'>, { core }: AppContext): Promise<Response<'cards.search'>> {
  const limit = q.limit ?? PAGE;
  // One more than asked says whether another page exists, so the table never waits on an empty page.
  const found = core.cards.search({
    number: q.number?.replace(/\s+/g, ''),
    amountCents: q.amountCents,
    orderId: q.orderId,
    afterId: q.afterId,
    limit: limit + 1,
  });
  const cards = found.slice(0, limit);
  const currencyOf = currencyLookup(core);
  return {
    cards: cards.map((c) => toCardView(c, currencyOf(c.orderId))),
    nextAfterId: found.length > limit ? cards[cards.length - 1]!.id : null,
  };
}

export async function countCards(_: ParsedRequest<'cards.count'>, { core }: AppContext): Promise<Response<'cards.count'>> {
  return { total: totalCards(core) };
}

export function totalCards(core: AppCore): number {
  return core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cards').get()!.n;
}

/** The only way a number or PIN leaves main for the screen, and every time it is written to the audit log first. */
export async function revealCard({ cardId }: ParsedRequest<'cards.reveal'>, { core }: AppContext): Promise<Response<'cards.reveal'>> {
  const card = core.cards.get(cardId);
  if (!card) throw new NotFoundError(`No card with id ${cardId}.`);
  core.audit.append({
    actor: 'user',
    action: 'card.reveal',
    subject: `card:${card.id}`,
    details: { orderId: card.orderId, last4: card.number ? card.number.slice(-4) : null, amountCents: card.amountCents },
  });
  return { id: card.id, number: card.number, pin: card.pin, url: card.url, barcode: card.barcode };
}

function toCardView(c: Card, currency: string): CardView {
  return {
    id: c.id,
    orderId: c.orderId,
    maskedNumber: maskCardNumber(c.number),
    maskedPin: maskPin(c.pin),
    hasUrl: c.url !== null,
    amountCents: c.amountCents,
    currency,
    expiry: c.expiry,
    productName: c.productName,
    sku: c.sku,
    storedAt: c.storedAt,
  };
}

function currencyLookup(core: AppCore): (orderId: number) => string {
  const cache = new Map<number, string>();
  return (orderId) => {
    let currency = cache.get(orderId);
    if (currency === undefined) {
      currency = core.orders.find(orderId)?.currency ?? '';
      cache.set(orderId, currency);
    }
    return currency;
  };
}
