// The order history's query over a seeded year of orders (two accounts, two currencies): in each sort and direction,
// whatever the filter and page size, the keyset pages together list every order the filter picks exactly once and in
// order, and the totals are an independent sum of those orders. Through the application layer on a real store.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import type { HistoryQuery } from '../../main/core/app/orders';
import { ValidationError } from '../../main/core/errors';
import type { OrderState } from '../../shared/domain';
import { addTestAccount, openCore, person } from '../support/core';
import { seedOrderHistory, type SeededOrder } from '../support/order-history-seed';
import { withRawDb } from '../support/raw-db';
import { tempDir } from '../support/temp-dir';

/** What a person sorting by state wants first: the orders that need them, then the failed, then those on their way. */
const STATE_ORDER: OrderState[] = ['needs-attention', 'failed', 'submitting', 'accepted', 'processing', 'fetching', 'draft', 'complete', 'cancelled'];

let core: Core;
let seeded: SeededOrder[];
let accounts: { id: string; currency: string }[];
const now = new Date(2026, 11, 1, 12, 0).getTime();

beforeAll(async () => {
  const dataDir = tempDir();
  core = await openCore(dataDir, { sandbox: false });
  accounts = [addTestAccount(core, { name: 'Shop AUD' }), addTestAccount(core, { name: 'Shop USD', currency: 'USD', provider: 'blackhawk' })];
  seeded = withRawDb(dataDir, (db) => seedOrderHistory(db, accounts, 300, { now, seed: 7 }));
}, 60_000);
afterAll(() => core.close());

const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The history's rule, written again the plain way: which orders a query picks, in which order. */
function expected(query: HistoryQuery): SeededOrder[] {
  const term = query.search?.trim().toLowerCase();
  const picked = seeded.filter(
    (o) =>
      (!term || [o.reference, o.name ?? '', o.memo ?? '', o.product, o.sku].some((t) => t.toLowerCase().includes(term)) || `#${o.id}` === term || String(o.id) === term) &&
      (!query.states || query.states.length === 0 || query.states.includes(o.state)) &&
      (!query.accountId || o.accountId === query.accountId) &&
      (!query.from || localDay(o.createdAt) >= query.from) &&
      (!query.to || localDay(o.createdAt) <= query.to),
  );
  const key = (o: SeededOrder): number[] =>
    query.sort === 'value' ? [o.totalCents, o.id] : query.sort === 'state' ? [STATE_ORDER.indexOf(o.state), -o.createdAt, -o.id] : [o.createdAt, o.id];
  const compare = (a: SeededOrder, b: SeededOrder) => {
    const [ka, kb] = [key(a), key(b)];
    const i = ka.findIndex((v, n) => v !== kb[n]);
    return i < 0 ? 0 : ka[i]! - kb[i]!;
  };
  const direction = query.direction ?? (query.sort === 'state' ? 'asc' : 'desc');
  return picked.sort((a, b) => (direction === 'asc' ? compare(a, b) : compare(b, a)));
}

/** Every page from the first to the last, as the Orders screen asks for them. */
function walk(query: HistoryQuery, limit: number): { ids: number[]; pages: number; totals: ReturnType<Core['app']['orders']['history']>['totals'][] } {
  const ids: number[] = [];
  const totals = [];
  let after: number[] | null = null;
  let pages = 0;
  do {
    const page = core.app.orders.history(person(), { ...query, after, limit });
    ids.push(...page.rows.map((r) => r.id));
    totals.push(page.totals);
    after = page.next;
    pages++;
    if (pages > 400) throw new Error('the pages do not end');
  } while (after !== null);
  return { ids, pages, totals };
}

describe('the order history', () => {
  test('the newest first by default, named orders with their names, each row with its product and account', () => {
    const first = core.app.orders.history(person(), { limit: 5 });
    expect(first.rows.map((r) => r.id)).toEqual(expected({}).slice(0, 5).map((o) => o.id));
    const named = seeded.find((o) => o.name !== null)!;
    const row = core.app.orders.history(person(), { search: `#${named.id}` }).rows;
    expect(row).toEqual([expect.objectContaining({ id: named.id, name: named.name, memo: named.memo, product: named.product, accountName: named.accountId === accounts[0]!.id ? 'Shop AUD' : 'Shop USD', lines: 1 })]);
  });

  test('keyset pages cover every order the filter picks exactly once, in order, in each sort; the totals are the sum of those orders', () => {
    const days = [...new Set(seeded.map((o) => localDay(o.createdAt)))].sort();
    const query = fc.record(
      {
        search: fc.constantFrom('', 'party', 'VOLUNTEERS', 'big w', 'WWMOVIE', 'jo', '%', '_', '#12', '12'),
        states: fc.subarray(STATE_ORDER),
        accountId: fc.constantFrom(...accounts.map((a) => a.id)),
        from: fc.constantFrom(...days),
        to: fc.constantFrom(...days),
        sort: fc.constantFrom('date' as const, 'value' as const, 'state' as const),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      },
      { requiredKeys: ['sort', 'direction'] },
    );
    const sizes: number[] = [];
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 120 }), (q, limit) => {
        if (q.from && q.to && q.from > q.to) [q.from, q.to] = [q.to, q.from];
        const want = expected(q);
        sizes.push(want.length);
        const got = walk(q, limit);
        expect(got.ids).toEqual(want.map((o) => o.id));
        expect(new Set(got.ids).size).toBe(got.ids.length);
        expect(got.pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
        const byCurrency = [...new Set(want.map((o) => o.currency))].sort().map((currency) => {
          const of = want.filter((o) => o.currency === currency);
          return { currency, orders: of.length, totalCents: of.reduce((n, o) => n + o.totalCents, 0) };
        });
        // Every page says the totals of the whole filter, not of itself.
        for (const totals of got.totals) expect(totals).toEqual({ orders: want.length, cards: want.reduce((n, o) => n + o.quantity, 0), byCurrency });
      }),
      { numRuns: 100, seed: 18 },
    );
    // The runs are worth something only if many of them pick orders, and more than a page of them.
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(20);
    expect(sizes.filter((n) => n > 60).length).toBeGreaterThan(5);
  });

  test('a page marker of another sort, a state that does not exist, or days the wrong way round are refused, naming the field', () => {
    const dateMarker = core.app.orders.history(person(), { limit: 3 }).next!;
    expect(() => core.app.orders.history(person(), { sort: 'state', after: dateMarker })).toThrow(expect.objectContaining({ field: 'after' }));
    expect(() => core.app.orders.history(person(), { states: ['lost' as OrderState] })).toThrow(expect.objectContaining({ field: 'state' }));
    expect(() => core.app.orders.history(person(), { from: '2026-05-02', to: '2026-05-01' })).toThrow(ValidationError);
  });
});
