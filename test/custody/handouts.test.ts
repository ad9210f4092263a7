import { afterEach, describe, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import type { NewCard } from '../../shared/domain';
import { person } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { coreWithOrder, storeOrder } from '../support/order-with-cards';
import { moveOrderTo } from '../support/order-states';

let core: Core | undefined;
afterEach(() => core?.close());

const staff = person('sam');
/** Cards of one product and value whose expiry dates are given, in the order stored. */
const expiring = (expiries: (string | null)[], seed = 3): NewCard[] => fakeCards(expiries.length, seed).map((c, i) => ({ ...c, expiry: expiries[i]! }));
const scanOf = (c: { barcode: string | null; number: string | null }) => c.barcode ?? c.number!;

describe('hand-outs by count', () => {
  test('take the cards that expire first (no expiry last), and a second hand-out cannot take any of them', async () => {
    const made = await coreWithOrder(expiring(['2029-01-01', null, '2027-05-01T10:00:00+00:00', '2028-02-02', '2027-06-01']));
    core = made.core;
    const stored = core.cards.list(made.orderId);
    const first = core.app.custody.createHandout(staff, { name: 'Gala', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 3 }] });
    expect(first).toMatchObject({ name: 'Gala', cards: 3, reserved: 3, issued: 0 });
    const taken = core.app.custody.showHandout(staff, first.id).cardList.map((c) => c.cardId).sort();
    expect(taken).toEqual([stored[2]!.id, stored[3]!.id, stored[4]!.id].sort());

    const second = core.app.custody.createHandout(staff, { name: 'Picnic', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 2 }] });
    const second_ = core.app.custody.showHandout(staff, second.id).cardList.map((c) => c.cardId).sort();
    expect(second_).toEqual([stored[0]!.id, stored[1]!.id].sort());
    expect(() => core!.app.custody.createHandout(staff, { name: 'More', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 1 }] })).toThrow(
      expect.objectContaining({ field: 'take', message: expect.stringContaining('1 asked, 0 in stock') }),
    );
  });

  test('asking for more than stock holds says how many there are and reserves nothing', async () => {
    const made = await coreWithOrder(fakeCards(10));
    core = made.core;
    const before = core.app.custody.stock(staff);
    expect(() => core!.app.custody.createHandout(staff, { name: 'Big', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 11 }] })).toThrow(
      expect.objectContaining({ kind: 'validation', field: 'take', message: expect.stringMatching(/TESTSKU at A\$25\.00: 11 asked, 10 in stock.*Nothing was reserved/) }),
    );
    expect(core.app.custody.stock(staff)).toEqual(before);
    expect(core.app.custody.listHandouts(staff)).toEqual([]);
  });
});

describe('issuing at the event', () => {
  test('a scanned value issues its card; again says when and to whom; a card of another hand-out is refused', async () => {
    const made = await coreWithOrder(fakeCards(6));
    core = made.core;
    const stored = core.cards.list(made.orderId);
    const a = core.app.custody.createHandout(staff, { name: 'A', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 3 }] });
    const b = core.app.custody.createHandout(staff, { name: 'B', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 3 }] });
    const inA = core.app.custody.showHandout(staff, a.id).cardList.map((c) => c.cardId);
    const cardA = stored.find((c) => c.id === inA[0])!;
    const cardB = stored.find((c) => !inA.includes(c.id))!;

    const first = core.app.custody.issue(staff, a.id, [{ scan: scanOf(cardA), to: 'Robin' }]);
    expect(first).toMatchObject({ issued: true, outcomes: [{ outcome: 'issued', cardId: cardA.id, to: 'Robin', last4: cardA.number!.slice(-4) }] });
    const again = core.app.custody.issue(staff, a.id, [{ scan: scanOf(cardA) }]);
    expect(again).toMatchObject({ issued: false, outcomes: [{ outcome: 'already-issued', to: 'Robin' }] });
    const other = core.app.custody.issue(staff, a.id, [{ scan: scanOf(cardB) }]);
    expect(other).toMatchObject({ issued: false, outcomes: [{ outcome: 'not-in-handout', otherHandout: { id: b.id, name: 'B' } }] });
    expect(core.app.custody.issue(staff, a.id, [{ scan: 'NOPE-123' }]).outcomes).toEqual([{ outcome: 'unknown' }]);
    expect(core.app.custody.showHandout(staff, a.id)).toMatchObject({ issued: 1, reserved: 2 });
    expect(core.app.custody.showHandout(staff, b.id)).toMatchObject({ issued: 0, reserved: 3 });
  });

  test('a run with one refusal issues none of it', async () => {
    const made = await coreWithOrder(fakeCards(4));
    core = made.core;
    const a = core.app.custody.createHandout(staff, { name: 'A', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 4 }] });
    const cards = core.cards.list(made.orderId);
    const run = core.app.custody.issue(staff, a.id, [{ scan: scanOf(cards[0]!) }, { scan: scanOf(cards[1]!) }, { scan: scanOf(cards[0]!) }]);
    expect(run.issued).toBe(false);
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['issued', 'issued', 'already-issued']);
    expect(core.app.custody.showHandout(staff, a.id)).toMatchObject({ issued: 0, reserved: 4 });
    expect(core.audit.list({ subject: `card:${cards[0]!.id}` })).toEqual([]);
  });

  test('by last digits, un-issued explicitly, the rest returned to stock, a lost card voided; each step in the card’s history', async () => {
    const made = await coreWithOrder(fakeCards(5));
    core = made.core;
    const a = core.app.custody.createHandout(staff, { name: 'A', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 4 }] });
    const [c1, c2, c3] = core.app.custody.showHandout(staff, a.id).cardList;
    const number = core.cards.get(c1!.cardId)!.number!;
    expect(core.app.custody.issue(staff, a.id, [{ lastDigits: number.slice(-6), to: 'Kim' }]).issued).toBe(true);
    expect(core.app.custody.unissue(staff, c1!.cardId, 'gave the wrong envelope')).toMatchObject({ state: 'reserved', issuedTo: null });
    expect(core.app.custody.voidCard(staff, c2!.cardId, 'dropped in the river')).toMatchObject({ state: 'void', voidReason: 'dropped in the river' });
    expect(core.app.custody.issue(staff, a.id, [{ scan: scanOf(core.cards.get(c3!.cardId)!) }]).issued).toBe(true);
    const back = core.app.custody.returnRest(staff, a.id);
    expect(back).toMatchObject({ returnedNow: 2, returned: 2, issued: 1, void: 1, reserved: 0 });
    expect(core.app.custody.history(staff, c1!.cardId).history.map((h) => `${h.event}:${h.from}>${h.to}`)).toEqual([
      'reserve:in-stock>reserved',
      'issue:reserved>issued',
      'unissue:issued>reserved',
      'return:reserved>in-stock',
    ]);
    expect(() => core!.app.custody.unissue(staff, c2!.cardId)).toThrow(expect.objectContaining({ field: 'card', message: expect.stringContaining('is void') }));
    expect(core.audit.list({ subject: `card:${c1!.cardId}` }).map((e) => e.action)).toEqual(['card.unissue', 'card.issue']);
  });
});

test('a reversed order’s cards are cancelled with its state change, whatever their custody', async () => {
  const made = await coreWithOrder(fakeCards(4));
  core = made.core;
  moveOrderTo(core.orders, made.orderId, 'complete');
  const a = core.app.custody.createHandout(staff, { name: 'A', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 2 }] });
  const [first] = core.app.custody.showHandout(staff, a.id).cardList;
  core.app.custody.issue(staff, a.id, [{ scan: scanOf(core.cards.get(first!.cardId)!) }]);
  core.orders.transition(made.orderId, 'reversed', {}, staff, Date.now());
  const line = core.app.custody.stock(staff).lines[0]!;
  expect(line.counts).toEqual({ 'in-stock': 0, reserved: 0, issued: 0, void: 0, cancelled: 4 });
  // A card written after the reversal committed (a page in flight) enters custody cancelled.
  core.cards.insertMany(made.orderId, fakeCards(1, 9), Date.now());
  expect(core.app.custody.stock(staff).lines[0]!.counts.cancelled).toBe(5);
});

test('two accounts holding the same product and value: the hand-out says so until one is chosen', async () => {
  const made = await coreWithOrder(fakeCards(2, 1));
  core = made.core;
  storeOrder(core, fakeCards(3, 2), 'sandbox', 'GD-OTHER');
  expect(() => core!.app.custody.createHandout(staff, { name: 'A', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 1 }] })).toThrow(
    expect.objectContaining({ field: 'accountId', message: expect.stringContaining('Sandbox test (3)') }),
  );
  const sandbox = core.accounts.findByName('Sandbox test')!;
  expect(core.app.custody.createHandout(staff, { name: 'A', accountId: sandbox.id, take: [{ sku: 'TESTSKU', amountCents: 2500, count: 3 }] }).cards).toBe(3);
});
