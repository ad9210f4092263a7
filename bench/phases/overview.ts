// The overview the app opens on, over a year of use: 1,000 orders (250,000 cards) across a year, some needing
// attention or failed. Its one query (spend this month and quarter, orders to look at, stock and expiring) must
// leave most of the second from unlock to a painted overview to the renderer.
import { rmSync } from 'node:fs';
import type { OrderState } from '../../shared/domain';
import { fakeCards } from '../../test/support/fake-cards';
import { moveOrderTo } from '../../test/support/order-states';
import { measure, report, round } from '../measure';
import { BENCH, storeWithOrder } from './seeded-store';

const ORDERS = 1_000;
const CARDS_EACH = 250;
const DAY = 86_400_000;

const { core, root } = await storeWithOrder('giftdesk-bench-overview-', CARDS_EACH);
try {
  // A live account: the sandbox's cards and orders are counted apart, and cost nothing.
  const account = core.accounts.create(
    { name: 'Bench shop', provider: 'wpay', baseUrl: 'https://wpay.example', merchantId: null, clientProgramNumber: null, sandboxFlavor: null, currency: 'AUD', fetchConcurrency: 2, pollEverySeconds: null },
    Date.now(),
  );
  const now = Date.now();
  const stateOf = (i: number): OrderState => (i % 50 === 0 ? 'needs-attention' : i % 40 === 0 ? 'failed' : 'complete');
  for (let i = 1; i <= ORDERS; i++) {
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: `bench-overview-${i}`, currency: 'AUD', lines: [{ sku: `SKU-${i % 7}`, faceValueCents: 2500, quantity: CARDS_EACH }] },
      now,
    );
    const state = stateOf(i);
    if (state !== 'failed') {
      const expiry = new Date(now + ((i * 13) % 400) * DAY).toISOString().slice(0, 10);
      core.cards.insertMany(order.id, fakeCards(CARDS_EACH, i + 10).map((c) => ({ ...c, expiry })), now);
      moveOrderTo(core.orders, order.id, 'accepted');
      core.orders.transition(order.id, 'ready', { acceptedAt: now - (i % 365) * DAY }, BENCH, now);
    }
    moveOrderTo(core.orders, order.id, state);
  }
  const runs = [];
  for (let i = 0; i < 7; i++) runs.push(await measure(() => core.app.overview.get(BENCH)));
  const first = runs[0]!.value;
  const inStock = first.inStock.reduce((n, f) => n + f.cards, 0);
  if (inStock < 200_000 || first.needsAttention.count === 0 || first.quarter.spend.length === 0) throw new Error(`the overview counted ${inStock} cards in stock`);
  const ms = runs.map((r) => r.seconds * 1000).sort((a, b) => a - b);
  await core.close();
  report({ overview: { queryMs: round(ms[Math.floor(ms.length / 2)]!, 1), worstQueryMs: round(ms.at(-1)!, 1), orders: ORDERS, cards: ORDERS * CARDS_EACH + CARDS_EACH } });
} finally {
  rmSync(root, { recursive: true, force: true });
}
