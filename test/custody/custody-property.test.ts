import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { CUSTODY_STATES, type CustodyState } from '../../shared/custody-state-machine';
import type { NewCard } from '../../shared/domain';
import { addTestAccount, openCore, person } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { moveOrderTo } from '../support/order-states';
import { tempDir } from '../support/temp-dir';

// Random runs of what happens to cards between the store and the people who get them — orders, hand-outs, issues,
// un-issues, returns, voids, reversals and restarts of the app — checked after every step against a model of where
// each card must be, and against the one sum that must always hold: per product and face value,
// in stock + reserved + issued + void + cancelled = stored, with no card in two hand-outs.

const PRODUCTS = [
  { sku: 'WW-EGIFT', amountCents: 2500 },
  { sku: 'WW-EGIFT', amountCents: 5000 },
  { sku: 'BH-CGM', amountCents: 2500 },
] as const;
const EXPIRIES = ['2027-01-31', '2027-06-30', '2028-12-31', null] as const;
const staff = person('property');

type Step =
  | { kind: 'order'; product: number; expiries: number[] }
  | { kind: 'handout'; product: number; count: number }
  | { kind: 'issue'; handout: number; card: number }
  | { kind: 'unissue'; card: number }
  | { kind: 'return'; handout: number }
  | { kind: 'void'; card: number }
  | { kind: 'reverse'; order: number }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('order' as const), product: fc.nat(2), expiries: fc.array(fc.nat(3), { minLength: 1, maxLength: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('handout' as const), product: fc.nat(2), count: fc.integer({ min: 1, max: 7 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('issue' as const), handout: fc.nat(), card: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unissue' as const), card: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), handout: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), card: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), order: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** Where the model says a card is. */
interface ModelCard {
  id: number;
  product: number;
  orderId: number;
  expiry: string | null;
  scan: string;
  state: CustodyState;
  handout: number | null;
}

class Run {
  core!: Core;
  readonly cards: ModelCard[] = [];
  readonly orders: { id: number; reversed: boolean }[] = [];
  readonly handouts: number[] = [];
  private accountId = '';
  private seed = 100;

  constructor(private readonly dataDir: string) {}

  async open(): Promise<void> {
    this.core = await openCore(this.dataDir, { sandbox: false });
    if (!this.accountId) this.accountId = addTestAccount(this.core).id;
  }

  async apply(s: Step): Promise<void> {
    const app = this.core.app.custody;
    switch (s.kind) {
      case 'order': {
        const product = PRODUCTS[s.product]!;
        const cards: NewCard[] = fakeCards(s.expiries.length, this.seed++).map((c, i) => ({ ...c, ...product, expiry: EXPIRIES[s.expiries[i]!]! }));
        const order = this.core.orders.createDraft(
          { accountId: this.accountId, clientReference: `GD-PROP-${this.seed}`, currency: 'AUD', lines: [{ sku: product.sku, faceValueCents: product.amountCents, quantity: cards.length }] },
          Date.now(),
        );
        this.core.cards.insertMany(order.id, cards, Date.now());
        moveOrderTo(this.core.orders, order.id, 'complete');
        this.orders.push({ id: order.id, reversed: false });
        for (const c of this.core.cards.list(order.id)) {
          this.cards.push({ id: c.id, product: s.product, orderId: order.id, expiry: c.expiry, scan: c.barcode ?? c.number!, state: 'in-stock', handout: null });
        }
        return;
      }
      case 'handout': {
        const product = PRODUCTS[s.product]!;
        // Expiring first first, no expiry last, then in the order stored: the cards the hand-out must take.
        const inStock = this.cards
          .filter((c) => c.product === s.product && c.state === 'in-stock')
          .sort((a, b) => (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') || a.id - b.id);
        if (inStock.length < s.count) {
          expect(() => app.createHandout(staff, { name: 'Short', take: [{ ...product, count: s.count }] })).toThrow(
            expect.objectContaining({ field: 'take', message: expect.stringContaining(`${s.count} asked, ${inStock.length} in stock`) }),
          );
          return;
        }
        const made = app.createHandout(staff, { name: `H${this.handouts.length + 1}`, take: [{ ...product, count: s.count }] });
        expect(made.cards).toBe(s.count);
        this.handouts.push(made.id);
        const taken = app.showHandout(staff, made.id).cardList.map((c) => c.cardId).sort((a, b) => a - b);
        const expected = inStock.slice(0, s.count);
        expect(taken).toEqual(expected.map((c) => c.id).sort((a, b) => a - b));
        for (const c of expected) Object.assign(c, { state: 'reserved', handout: made.id });
        return;
      }
      case 'issue': {
        const card = this.pick(s.card);
        const handout = this.handouts[s.handout % Math.max(1, this.handouts.length)];
        if (!card || handout === undefined) return;
        const result = app.issue(staff, handout, [{ scan: card.scan, to: 'Someone' }]);
        const allowed = card.state === 'reserved' && card.handout === handout;
        expect(result.issued).toBe(allowed);
        if (allowed) card.state = 'issued';
        else if (card.state === 'issued' && card.handout === handout) expect(result.outcomes[0]).toMatchObject({ outcome: 'already-issued', to: 'Someone' });
        else if (card.handout !== handout) expect(result.outcomes[0]).toMatchObject({ outcome: 'not-in-handout' });
        return;
      }
      case 'unissue': {
        const card = this.pick(s.card);
        if (!card) return;
        if (card.state !== 'issued') {
          expect(() => app.unissue(staff, card.id, 'wrong envelope')).toThrow(expect.objectContaining({ field: 'card', message: expect.stringContaining('Nothing was changed') }));
          return;
        }
        app.unissue(staff, card.id, 'wrong envelope');
        card.state = 'reserved';
        return;
      }
      case 'return': {
        const handout = this.handouts[s.handout % Math.max(1, this.handouts.length)];
        if (handout === undefined) return;
        const back = this.cards.filter((c) => c.handout === handout && c.state === 'reserved');
        expect(app.returnRest(staff, handout).returnedNow).toBe(back.length);
        for (const c of back) Object.assign(c, { state: 'in-stock', handout: null });
        return;
      }
      case 'void': {
        const card = this.pick(s.card);
        if (!card) return;
        if (card.state === 'void' || card.state === 'cancelled') {
          expect(() => app.voidCard(staff, card.id, 'lost')).toThrow(expect.objectContaining({ field: 'card', message: expect.stringContaining('Nothing was changed') }));
          return;
        }
        app.voidCard(staff, card.id, 'lost');
        card.state = 'void';
        return;
      }
      case 'reverse': {
        const open = this.orders.filter((o) => !o.reversed);
        const order = open[s.order % Math.max(1, open.length)];
        if (!order) return;
        this.core.orders.transition(order.id, 'reversed', {}, staff, Date.now());
        order.reversed = true;
        for (const c of this.cards) if (c.orderId === order.id) c.state = 'cancelled';
        return;
      }
      case 'restart':
        await this.core.close();
        await this.open();
        return;
    }
  }

  private pick(n: number): ModelCard | undefined {
    return this.cards.length === 0 ? undefined : this.cards[n % this.cards.length];
  }

  /** The store agrees with the model card by card, and the stock summary's sums hold. */
  check(): void {
    const stock = this.core.app.custody.stock(staff).lines;
    PRODUCTS.forEach((p, i) => {
      const stored = this.cards.filter((c) => c.product === i);
      const line = stock.find((l) => l.sku === p.sku && l.amountCents === p.amountCents);
      if (stored.length === 0) return expect(line).toBeUndefined();
      const counts = line!.counts;
      expect(CUSTODY_STATES.reduce((n, s) => n + counts[s], 0)).toBe(stored.length);
      for (const s of CUSTODY_STATES) expect(counts[s], `${p.sku} ${p.amountCents} ${s}`).toBe(stored.filter((c) => c.state === s).length);
    });
    const inHandouts = this.handouts.flatMap((h) =>
      this.core.app.custody
        .showHandout(staff, h)
        .cardList.filter((c) => c.state === 'reserved' || c.state === 'issued')
        .map((c) => ({ card: c.cardId, handout: h })),
    );
    expect(new Set(inHandouts.map((x) => x.card)).size).toBe(inHandouts.length);
    for (const c of this.cards) {
      const real = this.core.app.custody.history(staff, c.id).custody!;
      expect(real.state, `card ${c.id}`).toBe(c.state);
      if (c.state === 'reserved' || c.state === 'issued') expect(real.handoutId, `card ${c.id}`).toBe(c.handout);
      if (c.state === 'in-stock') expect(real.handoutId).toBeNull();
    }
  }
}

test('random orders, hand-outs, issues, returns, voids, reversals and restarts keep every card counted once, in one place', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
      const run = new Run(tempDir());
      await run.open();
      try {
        for (const s of steps) {
          await run.apply(s);
          run.check();
        }
      } finally {
        await run.core.close();
      }
    }),
    // Each run opens an encrypted store (and reopens it at every restart): a bounded number keeps CI fast.
    { numRuns: 12, seed: 15_2026, endOnFailure: true },
  );
}, 240_000);
