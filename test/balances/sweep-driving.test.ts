import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { addTestAccount, openCore, person } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { manualClock } from '../support/manual-clock';
import { withRawDb } from '../support/raw-db';
import { startStubServer, type SeenRequest } from '../support/stub-server';
import { tempDir } from '../support/temp-dir';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

const START = Date.UTC(2026, 11, 1, 9, 0, 0);

/** Wpay's balance page as a stand-in answers it: the card's balance halves each time, its expiry a year out. */
function wpayBalanceAnswer(req: SeenRequest, throttleFirst: { left: number; refuseKey?: number }) {
  if ((throttleFirst.refuseKey ?? 0) > 0) {
    throttleFirst.refuseKey! -= 1;
    return { status: 401, body: { code: 'AP01', message: 'Invalid API key' } };
  }
  if (throttleFirst.left > 0) {
    throttleFirst.left -= 1;
    return { status: 429, headers: { 'retry-after': '5' }, body: { code: '429', message: 'Too many requests' } };
  }
  const { cardNumber } = JSON.parse(req.body) as { cardNumber: string };
  return { status: 200, body: { cardNumber, balance: '12.50', expiry: '2029-03-31T00:00:00+00:00', status: 'ACTIVATED', currency: { code: 'AUD' } } };
}

async function rig(throttled = 1, refuseKey = 0) {
  const clock = manualClock(START);
  const throttle = { left: throttled, refuseKey };
  const stub = await startStubServer((req) => wpayBalanceAnswer(req, throttle));
  const core = await openCore(tempDir(), { clock, sandbox: false, balanceTiming: { windowMs: 60_000, marginMs: 500, watchMs: 60_000 } });
  cores.push(core);
  const wpay = addTestAccount(core, { name: 'Shop Wpay', baseUrl: stub.url });
  await core.secrets.setApiKey(wpay.id, 'wpay-test-key-0123456789');
  const blackhawk = addTestAccount(core, { name: 'Shop Blackhawk', provider: 'blackhawk', merchantId: '60300003779', clientProgramNumber: '43251304' });
  const order = (accountId: string, n: number, seed: number) => {
    const o = core.orders.createDraft({ accountId, clientReference: `GD-${seed}`, currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: n }] }, START);
    core.cards.insertMany(o.id, fakeCards(n, seed), START);
    return o.id;
  };
  return { clock, stub, core, wpayOrder: order(wpay.id, 4, 1), blackhawkOrder: order(blackhawk.id, 3, 2) };
}

describe('a balance sweep as it is driven', () => {
  it('waits out Retry-After: 5 on the injected clock, sends nothing meanwhile, then asks the same card again and skips none', async () => {
    const { clock, stub, core, wpayOrder } = await rig();
    const actor = person();
    const started = core.app.balances.start(actor, { kind: 'order', orderId: wpayOrder });
    await clock.sleepingUntil(START + 5_000);
    expect(stub.seen).toHaveLength(1);
    const first = (JSON.parse(stub.seen[0]!.body) as { cardNumber: string }).cardNumber;
    expect(core.app.balances.progress(actor, started.sweepId)).toMatchObject({ state: 'running', answered: 0 });
    expect(core.app.balances.progress(actor, started.sweepId).lastError).toMatch(/429/);
    clock.advance(4_999);
    expect(stub.seen).toHaveLength(1);
    clock.advance(1);
    const done = await core.app.balances.follow(actor, started.sweepId, () => undefined);
    expect(done).toMatchObject({ state: 'done', answered: 4, failed: 0 });
    // The card that was turned away was asked again, first, and every card has its one answer.
    expect((JSON.parse(stub.seen[1]!.body) as { cardNumber: string }).cardNumber).toBe(first);
    expect(stub.seen).toHaveLength(5);
    const numbers = stub.seen.slice(1).map((r) => (JSON.parse(r.body) as { cardNumber: string }).cardNumber);
    expect(new Set(numbers).size).toBe(4);
    for (const card of core.cards.list(wpayOrder)) {
      const view = core.app.balances.card(actor, card.id);
      expect(view.history).toHaveLength(1);
      expect(view.reading).toEqual({ reading: 'partly-used', leftCents: 1_250 });
      // The provider's expiry differs from the stored one: the card follows it, with an audit entry.
      expect(view.expiryDate).toBe('2029-03-31');
      const entry = core.audit.list({ subject: `card:${card.id}` }).find((e) => e.action === 'card.expiry');
      expect(entry?.details).toMatchObject({ from: '2028-05-04', to: '2029-03-31', sweepId: started.sweepId });
    }
    await stub.close();
  });

  it('says "balance not available from Blackhawk" for Blackhawk cards, without a request, and the sweep ends done', async () => {
    const { stub, core, blackhawkOrder } = await rig();
    const actor = person();
    const started = core.app.balances.start(actor, { kind: 'order', orderId: blackhawkOrder });
    const done = await core.app.balances.follow(actor, started.sweepId, () => undefined);
    expect(done).toMatchObject({ state: 'done', answered: 3, notAvailable: 3, failed: 0 });
    expect(stub.seen).toHaveLength(0);
    for (const card of core.cards.list(blackhawkOrder)) {
      const view = core.app.balances.card(actor, card.id);
      expect(view.reading).toEqual({ reading: 'unknown', why: 'balance not available from Blackhawk' });
      expect(view.history[0]).toMatchObject({ outcome: 'not-available', balanceCents: null });
    }
    await stub.close();
  });

  it('is cancelled while it waits for its rate window: it stops there, keeps the answers it had, and sends nothing more', async () => {
    const { clock, stub, core, wpayOrder } = await rig(0);
    const account = core.orders.get(wpayOrder).accountId;
    core.accounts.update(account, { balanceRatePerMinute: 1 });
    const actor = person('alice');
    const started = core.app.balances.start(actor, { kind: 'order', orderId: wpayOrder });
    // One check a minute (and our half-second margin): the second card waits for the window to free.
    await clock.sleepingUntil(START + 60_500 + 1);
    expect(core.app.balances.progress(actor, started.sweepId)).toMatchObject({ state: 'running', answered: 1, etaMs: 3 * 60_500 });
    const cancelled = await core.app.balances.cancel(actor, started.sweepId);
    expect(cancelled).toMatchObject({ state: 'cancelled', answered: 1, cards: 4 });
    clock.advance(10 * 60_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(stub.seen).toHaveLength(1);
    expect(core.balances.answersOf(started.sweepId)).toHaveLength(1);
    const entry = core.audit.list({ subject: `balance-sweep:${started.sweepId}` }).find((e) => e.action === 'balance.transition' && e.details.to === 'cancelled');
    expect(entry).toMatchObject({ actor: { via: 'desktop', user: 'alice' }, details: { from: 'running', event: 'cancel', answered: 1, cards: 4 } });
    // Over is over: the state machine takes no more events.
    await expect(core.app.balances.cancel(actor, started.sweepId)).rejects.toThrow(/is cancelled: "cancel" cannot happen to it now/);
    await stub.close();
  });

  it('holds its place while the provider refuses the account\'s key, instead of recording every card as refused', async () => {
    const { clock, stub, core, wpayOrder } = await rig(0, 1);
    const actor = person();
    const started = core.app.balances.start(actor, { kind: 'order', orderId: wpayOrder });
    await expect.poll(() => clock.sleepers()).toBeGreaterThan(0);
    expect(core.app.balances.progress(actor, started.sweepId)).toMatchObject({ state: 'running', answered: 0, failed: 0 });
    expect(core.app.balances.progress(actor, started.sweepId).lastError).toMatch(/invalid API key/i);
    clock.advance(60_000);
    expect(await core.app.balances.follow(actor, started.sweepId, () => undefined)).toMatchObject({ state: 'done', answered: 4, failed: 0 });
    expect(stub.seen).toHaveLength(5);
    await stub.close();
  });

  it('records nothing more once another process took the lease over while it waited (its writes are fenced)', async () => {
    const { clock, stub, core, wpayOrder } = await rig();
    const actor = person();
    const started = core.app.balances.start(actor, { kind: 'order', orderId: wpayOrder });
    await clock.sleepingUntil(START + 5_000);
    expect(stub.seen).toHaveLength(1);
    // Another process finds the lease expired (this one stalled) and takes it over, as a `resume` elsewhere would.
    withRawDb(core.dataDir, (db) => db.prepare(`UPDATE engine_lease SET holder = 'other', pid = 1, host = 'elsewhere', label = 'CLI', expires_at = ? WHERE id = 1`).run(START + 3_600_000));
    clock.advance(5_000);
    await vi.waitFor(() => expect(core.engine.holdsLease()).toBe(false));
    // The woken driver took no rate slot, asked nothing, and recorded no answer: the other process asks every card.
    expect(stub.seen).toHaveLength(1);
    expect(core.app.balances.progress(actor, started.sweepId)).toMatchObject({ state: 'running', answered: 0 });
    expect(core.app.balances.cardsOfSweep(actor, started.sweepId)).toHaveLength(0);
    await stub.close();
  });
});
