import { describe, expect, it } from 'vitest';
import { engineRig, settled, wpayLine } from '../support/engine-harness';

// Answers past a limit (issue 13, Deliver 4): refused while read and parsed, before anything is kept; asked for a
// few times like a bad moment, then handed to a person, never a crash or a retry storm.

const WPAY_CARDS = 'GET /v1/partner/giftcards/order/{orderId}/cards';

describe('bounded answers', () => {
  it('hands an order whose cards page nests 5,000 levels deep to a person within its retry budget', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-field-deep'] } });
    const order = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(20)], pollEverySeconds: 1 })).id);
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toBe(
      `The provider's answer to a card request broke a limit (the answer is nested deeper than 64 levels) each time it was asked. Nothing of it was stored. Contact the provider with the order reference ${order.clientReference}, then press "check now".`,
    );
    expect(order.lastError).not.toMatch(/Internal error|Maximum call stack/);
    expect(rig.core.cards.count(order.id)).toBe(0);
    // The transport's attempts at the one page, and no more.
    expect((await rig.sandbox()).stats().requests[WPAY_CARDS]).toBeLessThanOrEqual(4);
  });

  it('refuses a cards page with a 2 MB product name: nothing of it is stored', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-field-long'] } });
    const order = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(20)], pollEverySeconds: 1 })).id);
    expect(order.state).toBe('needs-attention');
    expect(order.stateReason).toContain('the answer has a field longer than 65,536 characters');
    expect(rig.core.cards.count(order.id)).toBe(0);
    expect(rig.core.quarantine.count(order.id)).toBe(0);
  });
});
