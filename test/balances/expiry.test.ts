import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { addTestAccount, openCore, person } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { BALANCE_SKU } from '../support/issued-cards';
import { manualClock } from '../support/manual-clock';
import { tempDir } from '../support/temp-dir';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 11, 1, 9, 0, 0);
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('cards that expire soon', () => {
  it('are listed within 30, 60 and 90 days, in stock and issued apart, and named in a notice at most once a day', async () => {
    const clock = manualClock(TODAY);
    const core = await openCore(tempDir(), { clock, sandbox: false });
    cores.push(core);
    const account = addTestAccount(core, { name: 'Shop' });
    const inDays = [10, 10, 10, 45, 45, 80, 200, 20];
    const cards = fakeCards(inDays.length, 3).map((c, i) => ({ ...c, expiry: date(TODAY + inDays[i]! * DAY) }));
    const order = core.orders.createDraft({ accountId: account.id, clientReference: 'GD-EXP', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: cards.length }] }, TODAY);
    core.cards.insertMany(order.id, cards, TODAY);
    // The card expiring in 20 days is handed out: take one (the earliest expiring are taken first, so take them all
    // but the one wanted back first), issue it.
    const actor = person();
    const handout = core.app.custody.createHandout(actor, { name: 'Gala', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 4 }] });
    const taken = core.custody.ofHandout(handout.id).map((k) => core.custody.get(k.cardId).expiryDate);
    expect(taken.sort()).toEqual([date(TODAY + 10 * DAY), date(TODAY + 10 * DAY), date(TODAY + 10 * DAY), date(TODAY + 20 * DAY)]);
    const twentyDays = cards[7]!;
    expect(core.app.custody.issue(actor, handout.id, [{ scan: twentyDays.barcode! }]).issued).toBe(true);
    core.app.custody.returnRest(actor, handout.id);

    const within = (days: 30 | 60 | 90) => core.app.balances.expiring(actor, days);
    expect(within(30)).toMatchObject({ inStock: { cards: 3, values: [{ currency: 'AUD', cents: 7_500 }] }, issued: { cards: 1 } });
    expect(within(60).inStock.cards).toBe(5);
    expect(within(90)).toMatchObject({ inStock: { cards: 6 }, issued: { cards: 1 } });
    expect(within(30).inStock.list.map((c) => c.expiryDate)).toEqual([date(TODAY + 10 * DAY), date(TODAY + 10 * DAY), date(TODAY + 10 * DAY)]);

    const notice = core.app.balances.expiryNotice(actor);
    expect(notice).toEqual({ title: 'Stock expiring soon', body: '3 cards worth A$75.00 expire before 1 Jan 2027: hand them out first.' });
    // Naming no card: no number, not even its last digits.
    for (const c of cards) expect(notice!.body).not.toContain(c.number!.slice(-4));
    expect(core.app.balances.expiryNotice(actor)).toBeNull();
    clock.advance(DAY);
    expect(core.app.balances.expiryNotice(actor)?.body).toMatch(/^3 cards worth A\$75\.00 expire before 2 Jan 2027/);
  });

  it('hand-outs take the earliest-expiring cards first with the expiries the provider reported in a balance check', async () => {
    const dataDir = tempDir();
    // The sandbox's seed, fixed: which of its cards had their expiry extended by a year is then the same every run.
    mkdirSync(path.join(dataDir, 'sandbox'), { recursive: true });
    writeFileSync(
      path.join(dataDir, 'sandbox', 'identity.json'),
      JSON.stringify({ apiKey: 'sbx_fixed_key_for_expiry_test_0123456789', merchantId: '60312345678', clientProgramNumber: '41234567', cardSeed: 'a1'.repeat(32) }),
    );
    const core = await openCore(dataDir, {
      sandbox: { instruments: createFaultInstruments(), processing: { baseMs: 200, perCardMs: 0 }, balances: { windowMs: 1_000, spendOverMs: 0 } },
      balanceTiming: { windowMs: 1_000, marginMs: 200, watchMs: 100 },
    });
    cores.push(core);
    const actor = person();
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const order = await core.app.orders.place(actor, { accountId: account.id, lines: [{ sku: BALANCE_SKU, faceValueCents: 1_000, quantity: 40 }], pollEverySeconds: 0.2 });
    expect((await core.app.orders.settled(actor, order.id)).state).toBe('complete');
    const stored = () => core.cards.list(order.id).map((c) => core.custody.get(c.id).expiryDate!);
    expect(new Set(stored()).size).toBe(1);

    const sweep = core.app.balances.start(actor, { kind: 'order', orderId: order.id });
    await core.app.balances.follow(actor, sweep.sweepId, () => undefined);
    const expiries = stored();
    const later = expiries.filter((d) => d > expiries.slice().sort()[0]!).length;
    // Some cards now expire a year later, as the provider said, each change in the audit log.
    expect(later).toBeGreaterThanOrEqual(2);
    expect(core.audit.list({ limit: 1_000 }).filter((e) => e.action === 'card.expiry')).toHaveLength(later);

    const handout = core.app.custody.createHandout(actor, { name: 'Fair', accountId: account.id, take: [{ sku: BALANCE_SKU, amountCents: 1_000, count: 40 - later }] });
    const taken = core.custody.ofHandout(handout.id).map((k) => core.custody.get(k.cardId).expiryDate!);
    // Exactly the cards that expire first went out; the ones the provider extended stayed in stock.
    expect(new Set(taken).size).toBe(1);
    expect(taken[0]).toBe(expiries.slice().sort()[0]);
  }, 60_000);
});
