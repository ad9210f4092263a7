import { describe, expect, it } from 'vitest';
import { auditSubmits } from '../support/call-log';
import { engineRig, progressWhere, settled, storedPerLine, wpayLine } from '../support/engine-harness';

// Each rule of the engine that protects money, driven through the real engine over HTTP against the sandbox, with
// the sandbox fault that makes the rule matter.

const CARDS = 'GET /v1/partner/giftcards/order/{orderId}/cards';

describe('the engine’s safety rules, against a provider that misbehaves', () => {
  it('fails an order whose very first send is answered 5313 (someone else’s order has the reference), and never takes that order up', async () => {
    const rig = await engineRig({ faults: { foreignReferenceRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(20)], pollEverySeconds: 1 });
    const order = await settled(rig.core, placed.id);

    expect(order.state).toBe('failed');
    expect(order.stateReason).toContain(`already has an order under reference ${order.clientReference} that Giftdesk did not place`);
    expect(order.providerOrderId).toBeNull();
    expect(rig.core.cards.count(order.id)).toBe(0);
    const stats = (await rig.sandbox()).stats();
    // The other order is there, and Giftdesk neither looked it up nor fetched its cards.
    expect(stats.orders.filter((o) => o.reference === order.clientReference)).toHaveLength(1);
    expect(stats.calls[order.clientReference]).toEqual([{ call: 'submit', outcome: 'foreign', answered: true }]);
    expect(stats.requests[CARDS] ?? 0).toBe(0);
  });

  it('waits while the cards are still activating (409), then stores exactly what was ordered', async () => {
    const rig = await engineRig({ faults: { notReadyRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(300)], pollEverySeconds: 1 });
    const activating = (p: { stateReason: string | null }) => p.stateReason === 'The provider is still activating cards.';
    expect(await progressWhere(rig.core, placed.id, activating)).toMatchObject({ state: 'fetching', cardsStored: 0 });
    // Asked again later, not given up on: the next 409 is taken the same way.
    expect(await progressWhere(rig.core, placed.id, activating)).toMatchObject({ state: 'fetching', cardsStored: 0 });
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().faultsInjected.notReady).toBeGreaterThanOrEqual(2);

    sandbox.setFaults({ notReadyRate: 0 });
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 300 }, distinct: 300, total: 300 });
  });

  it('stops fetching and says so when the provider cancels the order while its cards were activating (409, then 410)', async () => {
    const rig = await engineRig({ faults: { notReadyRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(300)], pollEverySeconds: 1 });
    await progressWhere(rig.core, placed.id, (p) => p.stateReason === 'The provider is still activating cards.');
    (await rig.sandbox()).setFaults({ cancelInFetchRate: 1 });

    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('cancelled');
    expect(order.stateReason).toBe('The provider reports the order as cancelled; no more cards can be fetched.');
    expect(rig.core.cards.count(order.id)).toBe(0);
    const stats = (await rig.sandbox()).stats();
    expect(stats.orders.find((o) => o.reference === order.clientReference)?.state).toBe('cancelled');
    expect(stats.faultsInjected.cancelledInFetch).toBe(1);
  });

  it('hands an accepted order to a person when its status checks are refused, never failing it, and finishes it once they work again', async () => {
    const rig = await engineRig({ faults: { refuseStatusRate: 1 }, processing: { baseMs: 20_000 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(100)], pollEverySeconds: 1 });
    const stuck = await settled(rig.core, placed.id);

    expect(stuck.state).toBe('needs-attention');
    expect(stuck.stateReason).toMatch(/^The provider refused the status check \(Invalid API key\)\. The order was accepted under reference /);
    expect(stuck.stateReason).toContain(stuck.clientReference);
    expect(stuck.providerOrderId).not.toBeNull();
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().calls[stuck.clientReference]).toEqual([
      { call: 'submit', outcome: 'taken', answered: true },
      { call: 'lookup', outcome: 'refused', answered: true },
    ]);

    sandbox.setFaults({ refuseStatusRate: 0 });
    void rig.checkNow(placed.id);
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 100 }, distinct: 100, total: 100 });
    expect(auditSubmits(sandbox.stats().calls[order.clientReference])).toMatchObject({ submits: 1, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
  });

  it('does not send again while it cannot find out whether a cut-off send arrived (lookup refused)', async () => {
    const rig = await engineRig({ faults: { dropAfterAcceptRate: 1, refuseStatusRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(50)], pollEverySeconds: 1 });
    const stuck = await settled(rig.core, placed.id);

    expect(stuck.state).toBe('needs-attention');
    expect(stuck.stateReason).toContain(`Giftdesk cannot tell whether the order reached the provider: looking it up by reference ${stuck.clientReference} was refused (Invalid API key). Fix the account`);
    expect(stuck).toMatchObject({ submitAttempts: 1, providerOrderId: null });
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().calls[stuck.clientReference]).toEqual([
      { call: 'submit', outcome: 'taken', answered: false },
      { call: 'lookup', outcome: 'refused', answered: true },
    ]);

    sandbox.setFaults({ dropAfterAcceptRate: 0, refuseStatusRate: 0 });
    void rig.checkNow(placed.id);
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(rig.core.cards.count(order.id)).toBe(50);
    expect(auditSubmits(sandbox.stats().calls[order.clientReference])).toMatchObject({ submits: 1, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
    expect(sandbox.stats().ordersByReference[order.clientReference]).toBe(1);
  });

  it('never calls an order complete while pages come back short: it fetches them again, then hands it to a person with the numbers', async () => {
    const rig = await engineRig({ faults: { shortPageRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(250)], pollEverySeconds: 1 });
    const short = await settled(rig.core, placed.id);

    expect(short.state).toBe('needs-attention');
    const stored = rig.core.cards.count(short.id);
    expect(stored).toBeLessThan(250);
    expect(short.stateReason).toMatch(new RegExp(`^${stored} of 250 cards are stored; line 1 \\(WWQ651BHNWSH\\): ${stored} of 250\\. Press "check now"`));
    const sandbox = await rig.sandbox();
    // Three rounds of the one 250-card page before giving up.
    expect(sandbox.stats().faultsInjected.shortPages).toBe(3);

    sandbox.setFaults({ shortPageRate: 0 });
    void rig.checkNow(placed.id);
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 250 }, distinct: 250, total: 250 });
  });

  it('fetches short pages again and completes exactly once they come back whole, without fetching whole pages twice', async () => {
    const rig = await engineRig({ faults: { shortPageRate: 1 } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(1_500)], pollEverySeconds: 1 });
    const retrying = await progressWhere(rig.core, placed.id, (p) => p.stateReason === 'Some pages came back short; fetching them again.');
    expect(retrying.state).toBe('fetching');
    const sandbox = await rig.sandbox();
    sandbox.setFaults({ shortPageRate: 0 });
    const order = await settled(rig.core, placed.id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(storedPerLine(rig.core, order)).toEqual({ perLine: { 1: 1_500 }, distinct: 1_500, total: 1_500 });
    // Three pages of 500, each short once and fetched again once.
    expect(sandbox.stats().requests[CARDS]).toBe(6);
  });
});
