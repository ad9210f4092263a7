import { expect } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { person } from './core';

export const BALANCE_SKU = 'WWQ651BHNWSH';

/**
 * Orders `count` cards of the account from its provider (the sandbox), takes them all into one hand-out and issues
 * every one by scanning it, as at an event: real cards, with real numbers the provider will answer balances for.
 */
export async function issuedCards(core: Core, accountId: string, count: number, amountCents = 1_000, name = 'Gala'): Promise<{ orderId: number; handoutId: number; cardIds: number[] }> {
  const actor = person();
  const order = await core.app.orders.place(actor, { accountId, lines: [{ sku: BALANCE_SKU, faceValueCents: amountCents, quantity: count }], pollEverySeconds: 0.2 });
  const settled = await core.app.orders.settled(actor, order.id);
  expect(settled.state).toBe('complete');
  const handout = core.app.custody.createHandout(actor, { name, accountId, take: [{ sku: BALANCE_SKU, amountCents, count }] });
  const cardIds = core.custody.ofHandout(handout.id).map((k) => k.cardId);
  const scans = cardIds.map((id) => {
    const card = core.cards.get(id)!;
    return { scan: card.barcode || card.number!, to: `Guest ${id}` };
  });
  expect(core.app.custody.issue(actor, handout.id, scans).issued).toBe(true);
  return { orderId: order.id, handoutId: handout.id, cardIds };
}
