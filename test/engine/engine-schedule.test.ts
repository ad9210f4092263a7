import { describe, expect, it } from 'vitest';
import { auditSubmits } from '../support/call-log';
import { progressWhere, settled, storedPerLine, wpayLine } from '../support/engine-harness';
import { seedForErrorBeforeTaking } from '../support/fault-seeds';
import { manualEngineRig, reached } from '../support/manual-engine';

// When the engine asks the provider again after something went wrong: what a provider sees (is it hammered, is its
// Retry-After obeyed) and what a person sees (when the next check is due). The real engine against the sandbox over
// HTTP, on a clock moved by hand: each wait is read to the millisecond and seen to be slept before the clock moves.

const SERVER_ERROR = /failed \(HTTP 50[023]/;
const THROTTLED = /failed \(HTTP 429/;

describe('the engine’s schedule after a failed call', () => {
  it('looks a send answered 5xx up by reference 30 s later, not sooner; sends again only when that finds nothing; checks the new order early', async () => {
    const { rig, clock, sleeping, calls } = await manualEngineRig({ faults: { errorRate: 1, seed: seedForErrorBeforeTaking() } });
    const accountId = rig.account('wpay');
    // No interval of its own: the provider's guidance applies.
    rig.core.accounts.update(accountId, { pollEverySeconds: null });
    const t0 = clock.now();
    const placed = await rig.place({ accountId, lines: [wpayLine(40)] });

    const failed = await reached(rig.core, placed.id, (p) => p.lastError !== null);
    expect(failed).toMatchObject({ state: 'submitting', nextPollAt: t0 + 30_000 });
    expect(failed.lastError).toMatch(SERVER_ERROR);
    await sleeping(placed.id, t0 + 30_000);
    expect(await calls(placed.clientReference)).toEqual([{ call: 'submit', outcome: 'server-error', answered: true }]);

    (await rig.sandbox()).setFaults({ errorRate: 0 });
    const accepted = progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    clock.advance(30_000);
    // The first check of a 40-card order: a fifth of Wpay's five minutes, a minute after acceptance.
    expect(await accepted).toMatchObject({ nextPollAt: t0 + 30_000 + 60_000, lastError: null });
    expect(await calls(placed.clientReference)).toEqual([
      { call: 'submit', outcome: 'server-error', answered: true },
      { call: 'lookup', outcome: 'not-found', answered: true },
      { call: 'submit', outcome: 'taken', answered: true },
    ]);
  });

  it('waits the order’s own check interval instead when it has one, and looks a re-send answered 5313 up at once', async () => {
    const { rig, clock, sleeping, calls } = await manualEngineRig({ faults: { errorRate: 1, seed: seedForErrorBeforeTaking() } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 7 });
    const failed = await reached(rig.core, placed.id, (p) => p.lastError !== null);
    expect(failed).toMatchObject({ state: 'submitting', nextPollAt: t0 + 7_000 });
    await sleeping(placed.id, t0 + 7_000);

    // The lookup finds nothing; the send that follows is answered 5313: an order is there under the reference after
    // all. That is no reason to wait: it is looked up straight away, with the clock standing still.
    (await rig.sandbox()).setFaults({ errorRate: 0, foreignReferenceRate: 1 });
    const duplicate = progressWhere(rig.core, placed.id, (p) => /code 5313/.test(p.lastError ?? ''));
    const accepted = progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    clock.advance(7_000);
    expect(await duplicate).toMatchObject({ state: 'submitting', nextPollAt: t0 + 7_000 });
    expect(await accepted).toMatchObject({ nextPollAt: t0 + 14_000 });
    expect(await calls(placed.clientReference)).toEqual([
      { call: 'submit', outcome: 'server-error', answered: true },
      { call: 'lookup', outcome: 'not-found', answered: true },
      { call: 'submit', outcome: 'foreign', answered: true },
      { call: 'lookup', outcome: 'found', answered: true },
    ]);

    // The order found is not the one ordered (it holds a card more): never complete, the numbers go to a person.
    const done = settled(rig.core, placed.id);
    clock.advance(7_000);
    const order = await done;
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toBe(
      `The provider says the order holds 41 cards; 40 were ordered. No card of that answer was stored. Contact the provider with the order reference ${order.clientReference} before using this order.`,
    );
    expect(rig.core.cards.count(order.id)).toBe(0);
  });

  it('honours a 429’s Retry-After on the send and on the lookups (never sooner), and backs off longer with each failure in a row', async () => {
    const { rig, clock, sleeping, calls } = await manualEngineRig({ faults: { rate429: 1, retryAfterSeconds: 120 } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 7 });
    const throttled = await reached(rig.core, placed.id, (p) => p.lastError !== null);
    expect(throttled.lastError).toMatch(THROTTLED);
    expect(throttled).toMatchObject({ state: 'submitting', nextPollAt: t0 + 120_000 });
    await sleeping(placed.id, t0 + 120_000);

    // The lookup is throttled too: Retry-After again, though backoff alone would say seconds.
    const t1 = t0 + 120_000;
    let next = progressWhere(rig.core, placed.id, (p) => p.nextPollAt !== t1);
    clock.advance(120_000);
    expect(await next).toMatchObject({ state: 'submitting', nextPollAt: t1 + 120_000 });
    expect((await next).lastError).toMatch(THROTTLED);
    await sleeping(placed.id, t1 + 120_000);

    // A third failure in a row (5xx, no Retry-After): backoff from 5 s, doubled twice, half of it jitter: 10–20 s.
    const t2 = t1 + 120_000;
    (await rig.sandbox()).setFaults({ rate429: 0, errorRate: 1 });
    next = progressWhere(rig.core, placed.id, (p) => SERVER_ERROR.test(p.lastError ?? ''));
    clock.advance(120_000);
    const third = await next;
    expect(third.nextPollAt! - t2).toBeGreaterThanOrEqual(10_000);
    expect(third.nextPollAt! - t2).toBeLessThanOrEqual(20_000);
    await sleeping(placed.id, third.nextPollAt!);

    (await rig.sandbox()).setFaults({ errorRate: 0 });
    const accepted = progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    clock.advance(third.nextPollAt! - t2);
    await accepted;
    const log = await calls(placed.clientReference);
    expect(log.map((c) => `${c.call} ${c.outcome}`)).toEqual(['submit throttled', 'lookup throttled', 'lookup server-error', 'lookup not-found', 'submit taken']);
    expect(auditSubmits(log)).toMatchObject({ submits: 1, unjustifiedResends: 0 });
  });

  it('backs a failing status check off longer each time, honours its Retry-After, and returns to the order’s interval once it passes', async () => {
    const { rig, clock, sleeping, backsOff } = await manualEngineRig({ processing: { baseMs: 30 * 60_000 } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 5 });
    expect(await reached(rig.core, placed.id, (p) => p.state === 'accepted')).toMatchObject({ nextPollAt: t0 + 5_000 });
    await sleeping(placed.id, t0 + 5_000);
    const sandbox = await rig.sandbox();

    // First failure: backoff from 5 s with jitter, 2.5–5 s.
    sandbox.setFaults({ errorRate: 1 });
    const first = await backsOff(placed.id, t0 + 5_000, (p) => p.lastError !== null, [2_500, 5_000]);
    expect(first.lastError).toMatch(SERVER_ERROR);
    // Second in a row: 5–10 s.
    const second = await backsOff(placed.id, first.nextPollAt!, (p) => p.nextPollAt !== first.nextPollAt, [5_000, 10_000]);
    expect(second.lastError).toMatch(SERVER_ERROR);

    // Third, throttled for 5 minutes: exactly the Retry-After.
    sandbox.setFaults({ errorRate: 0, rate429: 1, retryAfterSeconds: 300 });
    const at = second.nextPollAt!;
    let next = progressWhere(rig.core, placed.id, (p) => THROTTLED.test(p.lastError ?? ''));
    clock.advance(at - clock.now());
    expect(await next).toMatchObject({ state: 'accepted', nextPollAt: at + 300_000 });
    await sleeping(placed.id, at + 300_000);

    sandbox.setFaults({ rate429: 0 });
    next = progressWhere(rig.core, placed.id, (p) => p.state === 'processing');
    clock.advance(300_000);
    expect(await next).toMatchObject({ lastError: null, nextPollAt: at + 300_000 + 5_000 });
  });

  it('waits 30 s while cards activate (409), 2 s before a short page again, a 429’s Retry-After, and longer after each failed card request', async () => {
    const { rig, clock, sleeping } = await manualEngineRig({ faults: { notReadyRate: 1 }, processing: { baseMs: 1_000 } });
    const accountId = rig.account('wpay');
    rig.core.accounts.update(accountId, { pollEverySeconds: null });
    const t0 = clock.now();
    const placed = await rig.place({ accountId, lines: [wpayLine(100)] });
    // Accepted; the first check is a minute later (a fifth of five minutes), when the order is long ready.
    expect(await reached(rig.core, placed.id, (p) => p.state === 'accepted')).toMatchObject({ nextPollAt: t0 + 60_000 });
    await sleeping(placed.id, t0 + 60_000);
    const sandbox = await rig.sandbox();

    let at = t0 + 60_000;
    let next = progressWhere(rig.core, placed.id, (p) => p.stateReason === 'The provider is still activating cards.');
    clock.advance(60_000);
    expect(await next).toMatchObject({ state: 'fetching', cardsStored: 0, nextPollAt: at + 30_000 });
    await sleeping(placed.id, at + 30_000);

    sandbox.setFaults({ notReadyRate: 0, shortPageRate: 1 });
    at += 30_000;
    next = progressWhere(rig.core, placed.id, (p) => p.stateReason === 'Some pages came back short; fetching them again.');
    clock.advance(30_000);
    expect(await next).toMatchObject({ state: 'fetching', nextPollAt: at + 2_000 });
    await sleeping(placed.id, at + 2_000);

    sandbox.setFaults({ shortPageRate: 0, rate429: 1, retryAfterSeconds: 90 });
    at += 2_000;
    next = progressWhere(rig.core, placed.id, (p) => THROTTLED.test(p.lastError ?? ''));
    clock.advance(2_000);
    expect(await next).toMatchObject({ state: 'fetching', nextPollAt: at + 90_000 });
    await sleeping(placed.id, at + 90_000);

    // The second failed card request in a row: backoff from 2 s, doubled once, half of it jitter: 2–4 s.
    sandbox.setFaults({ rate429: 0, errorRate: 1 });
    at += 90_000;
    next = progressWhere(rig.core, placed.id, (p) => SERVER_ERROR.test(p.lastError ?? ''));
    clock.advance(90_000);
    const failed = await next;
    expect(failed.state).toBe('fetching');
    expect(failed.lastError).toMatch(/^Sandbox GET \/v1\/partner\/giftcards\/order\/\{orderId\}\/cards failed/);
    expect(failed.nextPollAt! - at).toBeGreaterThanOrEqual(2_000);
    expect(failed.nextPollAt! - at).toBeLessThanOrEqual(4_000);
    await sleeping(placed.id, failed.nextPollAt!);

    sandbox.setFaults({ errorRate: 0 });
    const done = settled(rig.core, placed.id);
    clock.advance(failed.nextPollAt! - at);
    const order = await done;
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 100 }, distinct: 100, total: 100 });
  });

  it('waits the order’s own interval while cards activate, when it has one', async () => {
    const { rig, clock, sleeping } = await manualEngineRig({ faults: { notReadyRate: 1 }, processing: { baseMs: 1_000 } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(300)], pollEverySeconds: 4 });
    await reached(rig.core, placed.id, (p) => p.state === 'accepted');
    await sleeping(placed.id, t0 + 4_000);
    const next = progressWhere(rig.core, placed.id, (p) => p.stateReason === 'The provider is still activating cards.');
    clock.advance(4_000);
    expect(await next).toMatchObject({ state: 'fetching', nextPollAt: t0 + 8_000 });
  });

  it('sends nothing more once stopped while an order waits to be looked up', async () => {
    const { rig, clock, sleeping, calls } = await manualEngineRig({ faults: { errorRate: 1, seed: seedForErrorBeforeTaking() } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 7 });
    await reached(rig.core, placed.id, (p) => p.lastError !== null);
    await sleeping(placed.id, t0 + 7_000);
    (await rig.sandbox()).setFaults({ errorRate: 0 });

    // The app closes: the driver's wait ends early, and it must not go on to look up or send.
    await rig.core.engine.stop();
    expect(await calls(placed.clientReference)).toEqual([{ call: 'submit', outcome: 'server-error', answered: true }]);
    expect(rig.core.orders.get(placed.id)).toMatchObject({ state: 'submitting', submitAttempts: 1, nextPollAt: t0 + 7_000 });
  });
});
