import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSubmits } from '../support/call-log';
import { engineRig, progressWhere, settled, storedPerLine, wpayLine, type EngineRig } from '../support/engine-harness';
import { seedForErrorBeforeTaking } from '../support/fault-seeds';
import { manualClock } from '../support/manual-clock';
import { manualEngineRig, reached } from '../support/manual-engine';

// What the engine does when the provider says no, says the order is gone, or hands over something other than what
// was ordered, and when Giftdesk itself cannot store what came: each case ends where a person can act on it, in the
// provider's own words, and nothing is sent twice.

const FULL_DISK_WRITER = { file: new URL('../support/full-disk-card-writer.ts', import.meta.url), typescript: true };

/** Someone reverses the order outside Giftdesk (the partner portal), over the sandbox's own API. */
async function reverseAtProvider(rig: EngineRig, reference: string): Promise<void> {
  const sandbox = await rig.core.providers.sandbox();
  const res = await fetch(`${sandbox.url}/v1/partner/giftcards/orders/reverse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
    body: JSON.stringify({ refno: reference }),
  });
  expect(res.status).toBe(202);
}

describe('the engine when the provider refuses, or the store cannot take the cards', () => {
  it('fails an order the provider refuses to take, in the provider’s words, and never looks it up or sends it again', async () => {
    const rig = await engineRig({ faults: { balanceCents: 0 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(20)], pollEverySeconds: 1 });
    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('failed');
    expect(order.stateReason).toBe('The provider refused the order: Insufficient balance');
    expect(order.lastError).toMatch(/failed \(HTTP 400 code 6063\)/);
    expect((await rig.sandbox()).stats().calls[order.clientReference]).toEqual([{ call: 'submit', outcome: 'refused', answered: true }]);
  });

  it('hands an accepted order the provider no longer knows to a person, and does not send it again', async () => {
    const rig = await engineRig({ processing: { baseMs: 60_000 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 1 });
    await rig.core.engine.accepted(placed.id);
    // The provider loses its record of the order while the app is closed.
    await rig.restart(() => {
      const orders = path.join(rig.dataDir, 'sandbox', 'orders');
      for (const f of readdirSync(orders)) rmSync(path.join(orders, f));
    });
    rig.core.engine.resumeAll();
    const stuck = await settled(rig.core, placed.id);
    expect(stuck.state).toBe('needs-attention');
    expect(stuck.stateReason).toBe(
      `The provider refused the status check (Order not available). The order was accepted under reference ${stuck.clientReference}; fix the account, then press "check now".`,
    );
    expect((await rig.sandbox()).stats().calls[stuck.clientReference]).toEqual([{ call: 'lookup', outcome: 'not-found', answered: true }]);
  });

  it('takes a send whose answer was lost as cancelled when the lookup finds the provider cancelled it', async () => {
    const { rig, clock, sleeping, calls } = await manualEngineRig({ faults: { dropAfterAcceptRate: 1 } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 3 });
    await reached(rig.core, placed.id, (p) => p.lastError !== null);
    await sleeping(placed.id, t0 + 3_000);
    await reverseAtProvider(rig, placed.clientReference);

    const done = settled(rig.core, placed.id);
    clock.advance(3_000);
    const order = await done;
    expect(order.state).toBe('cancelled');
    expect(order.stateReason).toMatch(/^The provider reports the order as .+\.$/);
    expect(order.providerOrderId).not.toBeNull();
    expect(rig.core.cards.count(order.id)).toBe(0);
    expect(await calls(order.clientReference)).toEqual([
      { call: 'submit', outcome: 'taken', answered: false },
      { call: 'lookup', outcome: 'found', answered: true },
    ]);
  });

  it('stops checking an order the provider cancels while it is processing, and says so', async () => {
    const rig = await engineRig({ processing: { baseMs: 60_000 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 1 });
    await progressWhere(rig.core, placed.id, (p) => p.state === 'processing');
    await reverseAtProvider(rig, placed.clientReference);
    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('cancelled');
    expect(order.stateReason).toMatch(/^The provider reports the order as .+\.$/);
    expect(order.lastError).toBeNull();
    expect(rig.core.cards.count(order.id)).toBe(0);
  });

  it('hands an order to a person when the provider refuses to hand over its cards, keeping what is stored, and finishes once it does', async () => {
    const rig = await engineRig({ faults: { refuseCardsRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(120)], pollEverySeconds: 1 });
    const stuck = await settled(rig.core, placed.id);
    expect(stuck.state).toBe('needs-attention');
    expect(stuck.stateReason).toBe(
      'The provider refused to hand over cards (Invalid API key). The cards stored so far are safe; fix the account, then press "check now".',
    );
    expect(stuck.lastError).toMatch(/cards failed \(HTTP 401 code AP01\)/);
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().faultsInjected.refusedCards).toBe(1);

    sandbox.setFaults({ refuseCardsRate: 0 });
    void rig.checkNow(placed.id);
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 120 }, distinct: 120, total: 120 });
  });

  it('never calls an order complete when the provider reports more cards than were ordered, though every page came back whole', async () => {
    // The first send is lost before it arrives; the re-send finds the reference taken (5313) by an order of 501
    // cards, which the engine must take for its own earlier send. Its one page of 500 comes back whole, saying 501.
    const { rig, clock, sleeping } = await manualEngineRig({ faults: { errorRate: 1, seed: seedForErrorBeforeTaking() } });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(500)], pollEverySeconds: 5 });
    await reached(rig.core, placed.id, (p) => p.lastError !== null);
    await sleeping(placed.id, t0 + 5_000);
    (await rig.sandbox()).setFaults({ errorRate: 0, foreignReferenceRate: 1 });
    const accepted = progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    clock.advance(5_000);
    await accepted;
    await sleeping(placed.id, t0 + 10_000);

    const done = settled(rig.core, placed.id);
    clock.advance(5_000);
    const order = await done;
    // The answer disagrees with the order about its size: none of its cards is taken for the order's.
    expect(rig.core.cards.count(order.id)).toBe(0);
    expect(order.state).toBe('needs-attention');
    expect(order.providerTotalCards).toBe(501);
    expect(order.stateReason).toBe(
      `The provider says the order holds 501 cards; 500 were ordered. No card of that answer was stored. Contact the provider with the order reference ${order.clientReference} before using this order.`,
    );
  });

  it('notes a full disk as an internal error and tries again later, longer each time, without failing the order; the cards are stored once there is room', async () => {
    const { rig, clock, sleeping, backsOff } = await manualEngineRig({ cardWriter: FULL_DISK_WRITER });
    const t0 = clock.now();
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(300)], pollEverySeconds: 2 });
    await reached(rig.core, placed.id, (p) => p.state === 'accepted');
    await sleeping(placed.id, t0 + 2_000);

    // Ready at the first check; storing its page fails: backoff from 5 s with jitter, 2.5–5 s.
    const full = { state: 'fetching', cardsStored: 0, lastError: 'Internal error: Storing cards failed: database or disk is full' };
    const first = await backsOff(placed.id, t0 + 2_000, (p) => p.lastError !== null, [2_500, 5_000]);
    expect(first).toMatchObject(full);
    // Again, and again full: 5–10 s.
    const second = await backsOff(placed.id, first.nextPollAt!, (p) => p.nextPollAt !== first.nextPollAt, [5_000, 10_000]);
    expect(second).toMatchObject(full);

    // Room again (the app reopened with its own writer), at the time the next try was due: it carries on from there.
    await rig.close();
    const fresh = await engineRig({ dataDir: rig.dataDir, clock: manualClock(second.nextPollAt!) });
    fresh.core.engine.resumeAll();
    const order = await settled(fresh.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(fresh.core, order)).toEqual({ perLine: { 1: 300 }, distinct: 300, total: 300 });
    expect(auditSubmits((await fresh.sandbox()).stats().calls[order.clientReference])).toMatchObject({ submits: 0, unjustifiedResends: 0 });
  });

  it('notes a full disk while storing a real-time order’s inline cards as an internal error, and never sends the order twice', async () => {
    const rig = await engineRig({ cardWriter: FULL_DISK_WRITER });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(6)], pollEverySeconds: 1 });
    expect(placed.realtime).toBe(true);
    const failed = await progressWhere(rig.core, placed.id, (p) => p.lastError !== null);
    // Inline with the answer (still 'submitting': acceptance is committed with its cards) or, when the provider sent
    // them by page instead, while fetching: either way nothing is stored and the note says why.
    expect(['submitting', 'fetching']).toContain(failed.state);
    expect(failed).toMatchObject({ cardsStored: 0, lastError: 'Internal error: Storing cards failed: database or disk is full' });
    await rig.close();

    const fresh = await engineRig({ dataDir: rig.dataDir });
    fresh.core.engine.resumeAll();
    const order = await settled(fresh.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(fresh.core, order)).toEqual({ perLine: { 1: 6 }, distinct: 6, total: 6 });
    expect(auditSubmits((await fresh.sandbox()).stats().calls[order.clientReference])).toMatchObject({ submits: 0, unjustifiedResends: 0 });
  });
});
