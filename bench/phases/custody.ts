// Card custody: 25,000 cards taken into one hand-out, stock at a glance over 100,000 cards, and issuing one card by
// the value a scanner types, in a store of 100,000 cards.
import { rmSync } from 'node:fs';
import { fakeCards } from '../../test/support/fake-cards';
import { moveOrderTo } from '../../test/support/order-states';
import { measure, report, round } from '../measure';
import { BENCH, storeWithOrder } from './seeded-store';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { core, root } = await storeWithOrder('giftdesk-bench-custody-');
try {
  const account = core.accounts.list()[0]!;
  for (const seed of [2, 3, 4]) {
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: `bench-custody-${seed}`, currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 25_000 }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, fakeCards(25_000, seed), Date.now());
    moveOrderTo(core.orders, order.id, 'complete');
  }

  const summaries = [];
  for (let i = 0; i < 7; i++) summaries.push(await measure(() => core.app.custody.stock(BENCH)));
  const stored = summaries[0]!.value.lines.reduce((n, l) => n + l.stored, 0);
  if (stored !== 100_000) throw new Error(`stock summary counted ${stored} cards, not 100,000`);

  const reserve = await measure(() => core.app.custody.createHandout(BENCH, { name: 'Bench gala', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 25_000 }] }));
  if (reserve.value.reserved !== 25_000) throw new Error(`the hand-out reserved ${reserve.value.reserved} cards`);

  const inHandout = core.app.custody.showHandout(BENCH, reserve.value.id).cardList.slice(0, 21);
  const scans = [];
  for (const c of inHandout) {
    const card = core.cards.get(c.cardId)!;
    const issued = await measure(() => core.app.custody.issue(BENCH, reserve.value.id, [{ scan: card.barcode ?? card.number!, to: 'Bench' }]));
    if (!issued.value.issued) throw new Error('a scanned card was not issued');
    scans.push(issued.seconds);
  }
  await core.close();
  report({
    custody: {
      reserveSeconds: round(reserve.seconds),
      stockSummaryMs: round(median(summaries.map((s) => s.seconds)) * 1000, 2),
      scanLookupMs: round(median(scans) * 1000, 2),
      cardsInStore: stored,
    },
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
