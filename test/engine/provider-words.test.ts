import { describe, expect, it } from 'vitest';
import { NOT_FOUND_ROUNDS } from '../../main/core/engine/fetch-cards';
import { UNKNOWN_STATUS_CHECKS } from '../../main/core/engine/poll-order';
import { MAX_SUBMITS } from '../../main/core/engine/submit-order';
import type { HostileCase } from '../../main/sandbox/hostile-cases';
import { auditSubmits } from '../support/call-log';
import { person } from '../support/core';
import { blackhawkLine, engineRig, progressWhere, settled, wpayLine } from '../support/engine-harness';

// What providers really say, read right (issue 13, cases 11, 12, 14, 15, 16), over HTTP through the real clients and
// engine: the sandbox gives the answers in the shape of the providers' documents, around the fields that matter.

const WPAY_CARDS = 'GET /v1/partner/giftcards/order/{orderId}/cards';
const BH_CODES = 'GET /rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys';

const rigWith = (hostile: HostileCase[], baseMs = 1_000) => engineRig({ faults: { hostile }, processing: { baseMs } });

describe('resubmits, bounded', () => {
  it('takes a Blackhawk validation code that contains "notFound" as a refusal: failed at once, never looked up or sent again', async () => {
    const rig = await rigWith(['submit-product-not-found']);
    const placed = await rig.place({ accountId: rig.account('blackhawk'), lines: [blackhawkLine(5)], pollEverySeconds: 1 });
    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('failed');
    expect(order.stateReason).toBe('The provider refused the order: The content provider of an order line was not found');
    expect((await rig.sandbox()).stats().calls[order.clientReference]).toEqual([{ call: 'submit', outcome: 'refused', answered: true }]);
  });

  it(`sends one reference at most ${MAX_SUBMITS} times, each after a lookup that found nothing, then hands it to a person`, async () => {
    const rig = await rigWith(['submit-lost']);
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(5)], pollEverySeconds: 1 });
    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toBe(
      `Sent ${MAX_SUBMITS} times under reference ${order.clientReference}, and each time the provider then said it never arrived. Giftdesk sends it no more on its own: contact the provider with the reference before ordering these cards again.`,
    );
    const calls = (await rig.sandbox()).stats().calls[order.clientReference]!;
    expect(auditSubmits(calls)).toMatchObject({ submits: MAX_SUBMITS, unjustifiedResends: 0 });
    expect(calls.filter((c) => c.call === 'lookup').map((c) => c.outcome)).toEqual(Array(MAX_SUBMITS).fill('not-found'));
  });
});

describe('"no such order" on a card request, bounded', () => {
  it(`hands a Wpay (5320) and a Blackhawk (eGiftBulk.order.not.found) order to a person after ${NOT_FOUND_ROUNDS} tries`, async () => {
    const rig = await rigWith(['cards-not-found']);
    for (const [flavor, line, endpoint, words] of [
      ['wpay', wpayLine(5), WPAY_CARDS, 'Order not available'],
      ['blackhawk', blackhawkLine(5), BH_CODES, 'No order was found for the given keys'],
    ] as const) {
      const placed = await rig.place({ accountId: rig.account(flavor), lines: [line], pollEverySeconds: 1 });
      const order = await settled(rig.core, placed.id);
      expect(order.state).toBe('needs-attention');
      expect(order.stateReason).toBe(
        `The provider says it has no order ${order.providerOrderId} when asked for its cards (${words}), in ${NOT_FOUND_ROUNDS} tries in a row. The order was accepted under reference ${order.clientReference}; contact the provider, then press "check now".`,
      );
      expect((await rig.sandbox()).stats().requests[endpoint]).toBe(NOT_FOUND_ROUNDS);
    }
  });
});

describe('status words', () => {
  it('reads Blackhawk "Failed" as failed and "Not All Records Funded" as needing a person', async () => {
    const rig = await rigWith(['status-failed'], 40_000);
    const failed = await settled(rig.core, (await rig.place({ accountId: rig.account('blackhawk'), lines: [blackhawkLine(5)], pollEverySeconds: 1 })).id);
    expect(failed).toMatchObject({ state: 'failed', stateReason: 'The provider reports the order as Failed.', providerStatus: 'Failed' });

    (await rig.sandbox()).setFaults({ hostile: ['status-not-all-funded'] });
    const partial = await settled(rig.core, (await rig.place({ accountId: rig.account('blackhawk'), lines: [blackhawkLine(5)], pollEverySeconds: 1 })).id);
    expect(partial.state).toBe('needs-attention');
    expect(partial.stateReason).toBe(
      `The provider reports the order as "Not All Records Funded": not every card of it went through. Contact the provider with the order reference ${partial.clientReference} to learn which cards were issued and paid for.`,
    );
  });

  it(`polls a word no document lists ${UNKNOWN_STATUS_CHECKS} times, then quotes it to a person; "check now" asks again`, async () => {
    const rig = await rigWith(['status-word-unknown']);
    // More than a real-time order holds, so that its status is asked for.
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(20)], pollEverySeconds: 1 });
    const order = await settled(rig.core, placed.id);
    expect(order.state).toBe('needs-attention');
    expect(order.providerStatus).toBe('AWAITING_REVIEW');
    expect(order.stateReason).toBe(
      `The provider reports the order as "AWAITING_REVIEW", a status Giftdesk does not know, in each of its last ${UNKNOWN_STATUS_CHECKS} checks. Contact the provider with the order reference ${order.clientReference} to learn what it means; press "check now" to ask again.`,
    );
    const sandbox = await rig.sandbox();
    expect(sandbox.stats().calls[order.clientReference]!.filter((c) => c.call === 'lookup')).toHaveLength(UNKNOWN_STATUS_CHECKS);
    sandbox.setFaults({ hostile: [] });
    void rig.checkNow(order.id);
    expect((await settled(rig.core, order.id)).state).toBe('complete');
  });
});

describe('error details and reversals', () => {
  it('keeps both the message and the field-level messages of a Wpay refusal', async () => {
    const rig = await rigWith(['submit-refused-with-messages']);
    const order = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(5)], pollEverySeconds: 1 })).id);
    expect(order.state).toBe('failed');
    expect(order.stateReason).toBe(
      "The provider refused the order: Validation Failed; payments: Value is required and can't be empty; products[0].qty: This value should be greater than 0",
    );
    expect(order.lastError).toContain('code 5000');
  });

  it('reads Wpay 8221 as a reversal under way, not a refusal, and follows the order until its status says cancelled', async () => {
    const rig = await rigWith(['reversal-under-way'], 60_000);
    const placed = await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(5)], pollEverySeconds: 1 });
    await progressWhere(rig.core, placed.id, (p) => p.state === 'accepted');
    const noted = await rig.core.app.orders.reverse(person(), placed.id);
    expect(noted.state).not.toBe('cancelled');
    expect(noted.stateReason).toBe("A reversal is already under way at the provider (Reversal already in progress); Giftdesk keeps checking the order's status.");
    const order = await settled(rig.core, placed.id);
    expect(order).toMatchObject({ state: 'cancelled', stateReason: 'The provider reports the order as Cancelled.' });
  });
});
