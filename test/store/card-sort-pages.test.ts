import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { vaultAccess } from '../../main/core/create-core';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { openStore } from '../../main/core/store/open-store';
import { createCardsRepo, SORT_KEY, type CardSearch } from '../../main/core/store/repos/cards';
import { CARD_SORTS } from '../../shared/card-sort';
import type { Card } from '../../shared/domain';
import { realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { tempDir } from '../support/temp-dir';

// The Cards table reads its pages by keyset (issue 18, Deliver 4): whatever the order, walking the pages from either
// end meets every card once, in order, and a jump to the other end is one query, not a walk.

let store: Awaited<ReturnType<typeof openStore>>;
let cards: ReturnType<typeof createCardsRepo>;
const VALUES = [1000, 2500, 2500, 5000];
const EXPIRIES = ['2027-01-31', null, '2026-12-01T00:00:00+00:00', '2027-01-31', 'soon'];

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(tempDir(), 'd'), access: vaultAccess({ keychain: realKeychain, ...testVault() }, systemClock), migrations: MIGRATIONS });
  store.db.prepare(`INSERT INTO accounts (id, name, provider, base_url, currency, created_at) VALUES ('a', 'a', 'wpay', 'https://x.invalid', 'AUD', 0)`).run();
  const order = store.db.prepare(`INSERT INTO orders (account_id, client_reference, state, quantity, total_cents, currency, created_at, updated_at) VALUES ('a', ?, 'complete', 20, 2000, 'AUD', 0, 0)`);
  cards = createCardsRepo(store.db);
  // Three orders stored at two moments: ties on every key, broken by id.
  for (const [ref, at] of [['r1', 1000], ['r2', 2000], ['r3', 2000]] as const) {
    const id = Number(order.run(ref).lastInsertRowid);
    const batch = fakeCards(20, id).map((c, i) => ({ ...c, amountCents: VALUES[i % VALUES.length]!, expiry: EXPIRIES[i % EXPIRIES.length]! }));
    cards.insertMany(id, batch, at);
  }
});
afterAll(() => store.close());

const keyOf: Record<(typeof CARD_SORTS)[number], (c: Card) => string | number> = {
  date: (c) => c.storedAt,
  value: (c) => c.amountCents,
  expiry: (c) => (c.expiry && /^\d{4}-\d\d-\d\d/.test(c.expiry) ? c.expiry.slice(0, 10) : '9999-12-31'),
};

function walk(q: CardSearch, limit: number): Card[] {
  const seen: Card[] = [];
  for (let afterId: number | undefined; ; ) {
    const page = cards.search({ ...q, afterId, limit });
    seen.push(...page);
    if (page.length < limit) return seen;
    afterId = page[page.length - 1]!.id;
  }
}

describe('cards in pages, in any order', () => {
  it('meets every card once, in the order asked, whatever the page size, sort and direction', () => {
    const all = cards.search({ limit: 1000 });
    expect(all).toHaveLength(60);
    fc.assert(
      fc.property(fc.constantFrom(...CARD_SORTS), fc.constantFrom('asc' as const, 'desc' as const), fc.integer({ min: 1, max: 25 }), (sort, direction, limit) => {
        const walked = walk({ sort, direction }, limit);
        const sign = direction === 'asc' ? 1 : -1;
        const expected = [...all].sort((a, b) => {
          const [ka, kb] = [keyOf[sort](a), keyOf[sort](b)];
          return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id);
        });
        expect(walked.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      }),
      { numRuns: 40 },
    );
  });

  it('puts the newest card first by default, and the oldest first when asked ascending', () => {
    const newest = cards.search({ limit: 1 })[0]!;
    const oldest = cards.search({ direction: 'asc', limit: 1 })[0]!;
    expect(newest.storedAt).toBe(2000);
    expect(oldest.storedAt).toBe(1000);
    expect(newest.id).toBe(Math.max(...cards.search({ limit: 1000 }).map((c) => c.id)));
  });

  it('keeps the filters while paging: an order’s cards by value, last digits by expiry', () => {
    const orderCards = walk({ orderId: 2, sort: 'value', direction: 'desc' }, 7);
    expect(orderCards).toHaveLength(20);
    expect(orderCards.every((c) => c.orderId === 2)).toBe(true);
    expect(orderCards[0]!.amountCents).toBe(5000);
    const target = cards.search({ limit: 1000 })[17]!;
    const found = cards.search({ number: target.number!.slice(-6), sort: 'expiry' });
    expect(found.map((c) => c.id)).toContain(target.id);
  });

  it('reads each order from its index, never sorting the whole table', () => {
    for (const sort of CARD_SORTS) {
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cards ORDER BY ${SORT_KEY[sort]} DESC, id DESC LIMIT 5`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE');
    }
  });
});
