import { describe, expect, it } from 'vitest';
import { auditSubmits } from '../support/call-log';
import { engineRig, progressWhere, settled, storedPerLine, wpayLine } from '../support/engine-harness';
import { seedForErrorBeforeTaking } from '../support/fault-seeds';
import { withRawDb } from '../support/raw-db';

// The engine's ordinary ways through a provider's bad moments, one at a time: a send that never arrived, failing
// checks and card requests that pass, a real-time order's inline cards, an order of several lines.

describe('the engine through a provider’s ordinary bad moments', () => {
  it('sends again, under the same reference, once a lookup says the first send never arrived', async () => {
    const rig = await engineRig({ faults: { errorRate: 1, seed: seedForErrorBeforeTaking() } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(40)], pollEverySeconds: 1 });
    const sandbox = await rig.sandbox();
    // The send was answered 5xx: from here on the provider answers again.
    await progressWhere(rig.core, placed.id, (p) => p.state === 'submitting' && p.lastError !== null);
    sandbox.setFaults({ errorRate: 0 });

    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(order.submitAttempts).toBe(2);
    expect(rig.core.cards.count(order.id)).toBe(40);
    const calls = sandbox.stats().calls[order.clientReference]!;
    expect(calls.slice(0, 3)).toEqual([
      { call: 'submit', outcome: 'server-error', answered: true },
      { call: 'lookup', outcome: 'not-found', answered: true },
      { call: 'submit', outcome: 'taken', answered: true },
    ]);
    expect(auditSubmits(calls)).toMatchObject({ submits: 2, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
  });

  it('keeps checking through failing status checks and card requests, backing off, and completes once they pass', async () => {
    const rig = await engineRig({ processing: { baseMs: 6_000 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(120)], pollEverySeconds: 1 });
    const sandbox = await rig.sandbox();
    await progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    sandbox.setFaults({ errorRate: 1 });
    const checking = await progressWhere(rig.core, placed.id, (p) => p.lastError !== null);
    expect(['accepted', 'processing']).toContain(checking.state);
    expect(checking.lastError).toMatch(/status failed \(HTTP 50[023]/);
    expect(checking.nextPollAt).not.toBeNull();

    // Let the order be ready, with the card requests failing now.
    sandbox.setFaults({ errorRate: 0, notReadyRate: 0 });
    await progressWhere(rig.core, placed.id, (p) => p.state === 'fetching');
    sandbox.setFaults({ errorRate: 1 });
    const fetching = await progressWhere(rig.core, placed.id, (p) => p.state === 'fetching' && p.lastError !== null);
    expect(fetching.lastError).toMatch(/cards failed \(HTTP 50[023]/);

    sandbox.setFaults({ errorRate: 0 });
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(order.lastError).toBeNull();
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 120 }, distinct: 120, total: 120 });
    expect(auditSubmits(sandbox.stats().calls[order.clientReference])).toMatchObject({ submits: 1, unjustifiedResends: 0 });
  });

  it('stores a real-time order’s cards from the answer itself, before any card request', async () => {
    // Card requests answer "not ready": whatever is stored came with the answer to the send.
    const rig = await engineRig({ faults: { notReadyRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(6)], pollEverySeconds: 1 });
    expect(placed.realtime).toBe(true);
    const waiting = await progressWhere(rig.core, placed.id, (p) => p.stateReason === 'The provider is still activating cards.');
    expect(waiting).toMatchObject({ state: 'fetching', cardsStored: 6 });
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().calls[placed.clientReference]).toEqual([{ call: 'submit', outcome: 'taken', answered: true }]);

    sandbox.setFaults({ notReadyRate: 0 });
    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 6 }, distinct: 6, total: 6 });
  });

  it('gives each card of an order of several lines to its own line, by product and value', async () => {
    const rig = await engineRig();
    const lines = [wpayLine(130, 1_000), { sku: 'BIGW100SBX', faceValueCents: 2_550, quantity: 70 }, wpayLine(40, 5_000)];
    const placed = await rig.place({ accountId: rig.account('wpay'), lines, pollEverySeconds: 1 });
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 130, 2: 70, 3: 40 }, distinct: 240, total: 240 });
    const amounts = withRawDb(rig.dataDir, (db) => db
      .prepare<[number], { line_no: number; cents: number }>('SELECT l.line_no, c.amount_cents AS cents FROM cards c JOIN order_lines l ON l.id = c.line_id WHERE c.order_id = ? GROUP BY l.line_no, c.amount_cents ORDER BY l.line_no')
      .all(order.id));
    expect(amounts).toEqual([
      { line_no: 1, cents: 1_000 },
      { line_no: 2, cents: 2_550 },
      { line_no: 3, cents: 5_000 },
    ]);
  });
});
