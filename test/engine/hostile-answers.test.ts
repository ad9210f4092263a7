import { describe, expect, it } from 'vitest';
import { createRng } from '../../main/sandbox/rng';
import type { HostileCase } from '../../main/sandbox/hostile-cases';
import type { Order } from '../../shared/domain';
import { auditSubmits } from '../support/call-log';
import { runCli } from '../support/cli';
import { person } from '../support/core';
import { blackhawkLine, engineRig, type EngineRig, progressWhere, settled, wpayLine } from '../support/engine-harness';

// A provider that lies about the order it answers for (issue 13, cases 1, 2, 5 and 8), driven through the real
// clients and engine over HTTP: the sandbox's hostile answers. No card of another order, value, product or currency
// is ever counted; each order ends needing attention with a sentence that says what came back against what was sent.

const WPAY_CARDS = 'GET /v1/partner/giftcards/order/{orderId}/cards';
const BH_CODES = 'GET /rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys';

async function placeAndSettle(rig: EngineRig, flavor: 'wpay' | 'blackhawk', line: ReturnType<typeof wpayLine>): Promise<Order> {
  const placed = await rig.place({ accountId: rig.account(flavor), lines: [line], pollEverySeconds: 1 });
  return settled(rig.core, placed.id);
}

async function hostile(rig: EngineRig, cases: HostileCase[]): Promise<void> {
  (await rig.sandbox()).setFaults({ hostile: cases });
}

describe('cards checked against the line they were ordered on', () => {
  it('quarantines 150 cards of A$5.00 sent for 150 ordered at A$50.00, counts none, and keeps them whole', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-value-low'] } });
    const order = await placeAndSettle(rig, 'wpay', wpayLine(150, 5_000));

    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toBe(
      `The provider sent cards that are not this order's: 150 cards of A$5.00 (WWQ651BHNWSH). Ordered: line 1, 150 × WWQ651BHNWSH at A$50.00. ` +
        `They are kept apart and not counted; 0 of 150 ordered cards are stored. Fetching again will not help: contact the provider with the order reference ${order.clientReference}, ` +
        `and show them the quarantined cards (cards ${order.id} --quarantined, or the order's quarantined cards in the app).`,
    );
    expect(rig.core.cards.count(order.id)).toBe(0);
    const kept = rig.core.quarantine.list(order.id);
    expect(kept).toHaveLength(150);
    expect(new Set(kept.map((c) => c.number)).size).toBe(150);
    for (const c of kept) {
      expect(c).toMatchObject({ kind: 'wrong-value', amountCents: 500, sku: 'WWQ651BHNWSH', otherOrderId: null });
      expect(c.number).toMatch(/^628\d{16}$/);
      expect(c.pin).toMatch(/^\d{4}$/);
      expect(JSON.parse(c.raw)).toMatchObject({ cardNumber: c.number, cardPin: c.pin, amount: '5.00' });
    }
    const stats = (await rig.sandbox()).stats();
    expect(stats.faultsInjected.hostile['card-value-low']).toBeGreaterThanOrEqual(stats.requests[WPAY_CARDS]!);
  });

  it('quarantines cards of another product, and cards worth A$999,999,999,999.99', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-product-other'] } });
    const other = await placeAndSettle(rig, 'wpay', wpayLine(30, 5_000));
    expect(other.state).toBe('needs-attention');
    expect(other.stateReason).toContain("not this order's: 30 cards of product WWMOVIESBX at A$50.00. Ordered: line 1, 30 × WWQ651BHNWSH at A$50.00.");
    expect(rig.core.cards.count(other.id)).toBe(0);

    await hostile(rig, ['card-value-huge']);
    const huge = await placeAndSettle(rig, 'wpay', wpayLine(30, 5_000));
    expect(huge.state).toBe('needs-attention');
    expect(huge.stateReason).toContain("not this order's: 30 cards of A$999,999,999,999.99 (WWQ651BHNWSH).");
    expect(rig.core.cards.count(huge.id)).toBe(0);
    expect(rig.core.quarantine.count(huge.id)).toBe(30);
  });

  it('quarantines a Blackhawk order’s A$2.50 cards sent for A$25.00, and a Wpay page in another currency', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-value-low'] } });
    const bh = await placeAndSettle(rig, 'blackhawk', blackhawkLine(12, 2_500));
    expect(bh.state).toBe('needs-attention');
    expect(bh.stateReason).toContain("not this order's: 12 cards of $2.50 (BestBuy_eGift). Ordered: line 1, 12 × BestBuy_eGift at $25.00.");
    expect(rig.core.cards.count(bh.id)).toBe(0);
    expect(rig.core.quarantine.list(bh.id).every((c) => c.kind === 'wrong-value' && c.url !== null && c.pin !== null)).toBe(true);

    await hostile(rig, ['card-currency-other']);
    const nzd = await placeAndSettle(rig, 'wpay', wpayLine(10, 5_000));
    expect(nzd.state).toBe('needs-attention');
    expect(nzd.stateReason).toContain("not this order's: 10 cards in another currency.");
    expect(rig.core.quarantine.list(nzd.id)[0]!.reason).toBe('The answer is in NZD; the order is in AUD.');
    expect(rig.core.cards.count(nzd.id)).toBe(0);
  });
});

describe('answers that name another order', () => {
  it('refuses another order’s cards on a Wpay page: stored once in the account, flagged on both orders', async () => {
    const rig = await engineRig();
    const first = await placeAndSettle(rig, 'wpay', wpayLine(200, 5_000));
    expect(first.state).toBe('complete');
    const firstNumbers = rig.core.cards.list(first.id).map((c) => c.number);

    await hostile(rig, ['cards-of-another-order']);
    const second = await placeAndSettle(rig, 'wpay', wpayLine(200, 5_000));
    expect(second.state).toBe('needs-attention');
    expect(second.stateReason).toContain(`not this order's: 200 cards already stored in order ${first.id}.`);
    expect(rig.core.cards.count(second.id)).toBe(0);
    expect(rig.core.quarantine.list(second.id).map((c) => c.number).sort()).toEqual([...firstNumbers].sort());
    // The order that holds them is flagged, and keeps its cards.
    expect(rig.core.quarantine.claimedBy(first.id)).toEqual([{ orderId: second.id, cards: 200 }]);
    expect(rig.core.orders.get(first.id).state).toBe('complete');
    expect(rig.core.cards.list(first.id).map((c) => c.number)).toEqual(firstNumbers);
  });

  it('never takes up a Wpay status answer that names another orderId and refno, and keeps its own order id', async () => {
    const rig = await engineRig();
    const first = await placeAndSettle(rig, 'wpay', wpayLine(20));
    await hostile(rig, ['status-of-another-order']);
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(20)], pollEverySeconds: 1 });
    await progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    const own = rig.core.orders.get(placed.id).providerOrderId;
    expect(own).toMatch(/^SBX/);
    const order = await settled(rig.core, placed.id);

    expect(order.state).toBe('needs-attention');
    expect(order.providerOrderId).toBe(own);
    expect(order.stateReason).toBe(
      `The provider answered about another order: Giftdesk asked about refno ${order.clientReference}, orderId ${own}, and the answer names refno ${first.clientReference}, orderId ${first.providerOrderId}. ` +
        `Nothing of that answer was taken up. Contact the provider with the order reference ${order.clientReference} (their order ${own}); press "check now" once they have fixed it.`,
    );
    expect(order.lastError).toMatch(/^Sandbox GET \/v1\/partner\/giftcards\/order\/\{refno\}\/status failed \(HTTP 200\): the answer is about refno /);
    expect(rig.core.cards.count(order.id)).toBe(0);
    expect((await rig.sandbox()).stats().requests[WPAY_CARDS]).toBe(1);
  });

  it('never takes up a Wpay submit answer that names another refno, and never sends the order again', async () => {
    const rig = await engineRig();
    const first = await placeAndSettle(rig, 'wpay', wpayLine(20));
    await hostile(rig, ['submit-of-another-order']);
    const order = await placeAndSettle(rig, 'wpay', wpayLine(20));
    expect(order.state).toBe('needs-attention');
    expect(order.providerOrderId).toBeNull();
    expect(order.stateReason).toContain(`and the answer names refno ${first.clientReference}. Nothing of that answer was taken up.`);
    const sandbox = await rig.sandbox();
    sandbox.setFaults({ hostile: [] });
    void rig.checkNow(order.id);
    const resumed = await settled(rig.core, order.id);
    // Looked up by its own reference, found, completed: still one submit.
    expect(resumed.state, resumed.stateReason ?? '').toBe('complete');
    expect(auditSubmits(sandbox.stats().calls[order.clientReference])).toMatchObject({ submits: 1, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
  });

  it('never takes up a Blackhawk orderInfo or code retrieval answering for another requestId or orderNumber', async () => {
    // Orders that take longer than the submit waits, so that their status is asked for.
    const rig = await engineRig({ processing: { baseMs: 40_000 } });
    const first = await placeAndSettle(rig, 'blackhawk', blackhawkLine(15));
    expect(first.state).toBe('complete');

    await hostile(rig, ['status-of-another-order']);
    const info = await placeAndSettle(rig, 'blackhawk', blackhawkLine(15));
    expect(info.state).toBe('needs-attention');
    expect(info.stateReason).toMatch(/^The provider answered about another order: Giftdesk asked about requestId \S+( orderNumber \S+)?, and the answer names requestId /);
    expect(info.stateReason).toContain(first.clientReference);
    expect(rig.core.cards.count(info.id)).toBe(0);

    await hostile(rig, ['cards-of-another-order']);
    const codes = await placeAndSettle(rig, 'blackhawk', blackhawkLine(15));
    expect(codes.state).toBe('needs-attention');
    // The latest other order's codes came back (the sandbox's pick): never its own number.
    const named = new RegExp(`Giftdesk asked about orderNumber ${codes.providerOrderId}, and the answer names orderNumber (\\d+)\\.`).exec(codes.stateReason ?? '');
    expect(named, codes.stateReason ?? '').not.toBeNull();
    expect(named![1]).not.toBe(codes.providerOrderId);
    expect(rig.core.cards.count(codes.id)).toBe(0);
    expect(rig.core.quarantine.count(codes.id)).toBe(0);
    expect((await rig.sandbox()).stats().faultsInjected.hostile['cards-of-another-order']).toBe(1);
    expect((await rig.sandbox()).stats().requests[BH_CODES]).toBe(2);
  });

  it('after a Blackhawk submit whose answer was lost, never adopts the other order a lookup by requestId returns, nor sends again', async () => {
    const rig = await engineRig();
    const first = await placeAndSettle(rig, 'blackhawk', blackhawkLine(10));
    (await rig.sandbox()).setFaults({ dropAfterAcceptRate: 1, hostile: ['status-of-another-order'] });
    const order = await placeAndSettle(rig, 'blackhawk', blackhawkLine(10));

    expect(order.state).toBe('needs-attention');
    expect(order.providerOrderId).toBeNull();
    expect(order.stateReason).toContain(`and the answer names requestId ${first.clientReference}`);
    expect(auditSubmits((await rig.sandbox()).stats().calls[order.clientReference])).toMatchObject({ submits: 1, unjustifiedResends: 0 });
  });
});

/** A seed whose first 5xx comes after the sandbox handled the request (its dice: failing, then before/after). */
function seedForErrorAfterHandling(): number {
  for (let seed = 1; ; seed++) {
    const rng = createRng(seed);
    rng();
    if (rng() < 0.5) return seed;
  }
}

describe('the provider’s own card total', () => {
  it('stops at a page whose total_cards is the quantity + 7, with both numbers, storing none of its cards', async () => {
    const rig = await engineRig({ faults: { hostile: ['total-off'] } });
    const order = await placeAndSettle(rig, 'wpay', wpayLine(20));
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toBe(
      `The provider says the order holds 27 cards; 20 were ordered. No card of that answer was stored. Contact the provider with the order reference ${order.clientReference} before using this order.`,
    );
    expect(order.providerTotalCards).toBe(27);
    expect(rig.core.cards.count(order.id)).toBe(0);
  });

  it('does not complete with someone else’s order found after a lost 5313 answer: its total gives it away', async () => {
    const rig = await engineRig({ faults: { foreignReferenceRate: 1, errorRate: 1, seed: seedForErrorAfterHandling() } });
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(30)], pollEverySeconds: 1 });
    await progressWhere(rig.core, placed.id, (p) => p.state === 'submitting' && p.lastError !== null);
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().calls[placed.clientReference]).toEqual([{ call: 'submit', outcome: 'foreign', answered: false }]);
    sandbox.setFaults({ errorRate: 0, foreignReferenceRate: 0 });

    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toContain('The provider says the order holds 31 cards; 30 were ordered. No card of that answer was stored.');
    expect(rig.core.cards.count(order.id)).toBe(0);
    expect(auditSubmits(sandbox.stats().calls[order.clientReference])).toMatchObject({ submits: 1, resendsOfAnOrderItHad: 0 });
  });
});

describe('advice that matches what happens', () => {
  it('says a repeated card will not come right by fetching again, and "check now" then asks for nothing', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-repeated'] } });
    const order = await placeAndSettle(rig, 'wpay', wpayLine(20));
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toMatch(/^The provider sent cards that are not this order's: 1 card sent twice on one page\. .* 19 of 20 ordered cards are stored\. Fetching again will not help/);
    expect(rig.core.cards.count(order.id)).toBe(19);
    expect(rig.core.quarantine.list(order.id)).toMatchObject([{ kind: 'repeated', reason: 'The provider sent this card more than once in one answer.' }]);

    const sandbox = await rig.sandbox();
    const asked = sandbox.stats().requests[WPAY_CARDS];
    void rig.checkNow(order.id);
    const again = await settled(rig.core, order.id);
    expect(again.state).toBe('needs-attention');
    expect(sandbox.stats().requests[WPAY_CARDS]).toBe(asked);
  });
});

describe('a Blackhawk card whose number ends with its PIN', () => {
  it('is listed masked by `cards` and by the app with no digit of the PIN, and audited without it', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-number-ends-with-pin'] } });
    const order = await placeAndSettle(rig, 'blackhawk', blackhawkLine(6));
    expect(order.state, order.stateReason ?? '').toBe('complete');
    const stored = rig.core.cards.list(order.id);
    for (const c of stored) expect(c.number!.endsWith(c.pin!)).toBe(true);

    const shown = rig.core.app.cards.search(person(), { orderId: order.id }).cards;
    expect(shown).toHaveLength(6);
    for (const s of shown) {
      const card = stored.find((c) => c.id === s.id)!;
      const beforePin = card.number!.slice(0, -card.pin!.length);
      expect(s.maskedNumber).toBe(`${'•'.repeat(card.number!.length - 8)}${beforePin.slice(-4)}••••`);
      expect(s.maskedBarcode).toBe(s.maskedNumber);
      expect(s.maskedNumber).not.toContain(card.pin!);
    }
    rig.core.app.cards.reveal(person(), stored[0]!.id);
    const entry = rig.core.audit.list().find((e) => e.action === 'cards.reveal')!;
    expect(entry.details).toMatchObject({ last4: stored[0]!.number!.slice(0, -4).slice(-4) });
    await rig.close();

    const cli = await runCli(rig.dataDir, ['cards', String(order.id)]);
    expect(cli.code, cli.stderr).toBe(0);
    const numbers = cli.stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(numbers).toEqual(shown.map((s) => s.maskedNumber));
    for (const c of stored) expect(cli.stdout).not.toContain(c.pin!);
  });
});
