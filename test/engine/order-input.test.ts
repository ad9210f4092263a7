import { describe, expect, it } from 'vitest';
import type { PlaceOrderInput } from '../../main/core/app/orders/check-order';
import { GiftdeskError } from '../../main/core/errors';
import { person } from '../support/core';
import { engineRig, settled, wpayLine, type EngineRig } from '../support/engine-harness';

// What the engine refuses before a byte goes out, through its public surface (the application layer's place command), in this process.
// The CLI's exit codes for the same inputs are in refusals-and-bad-input.test.ts.

async function refusal(rig: EngineRig, input: PlaceOrderInput): Promise<{ field: string | undefined; message: string }> {
  const error = await rig.place(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GiftdeskError);
  return { field: (error as GiftdeskError).field, message: (error as Error).message };
}

describe('order input the engine refuses before sending anything', () => {
  it('names the field at fault, writes no order and sends nothing', async () => {
    const rig = await engineRig();
    const wpay = rig.account('wpay');
    const blackhawk = rig.account('blackhawk');
    const cases: [PlaceOrderInput, string, RegExp][] = [
      [{ accountId: 'no-such-account', lines: [wpayLine(1)] }, 'accountId', /^No such account\.$/],
      [{ accountId: wpay, lines: [] }, 'lines', /no lines/],
      [{ accountId: wpay, lines: Array.from({ length: 101 }, () => wpayLine(1)) }, 'lines', /101 lines; this provider takes at most 100/],
      [{ accountId: wpay, lines: [{ ...wpayLine(1), sku: '  ' }] }, 'sku', /^The product code is empty\.$/],
      [{ accountId: wpay, lines: [wpayLine(1), wpayLine(0)] }, 'quantity', /whole number above 0 \(line 2\)/],
      [{ accountId: wpay, lines: [wpayLine(1.5)] }, 'quantity', /whole number above 0\.$/],
      [{ accountId: wpay, lines: [wpayLine(-3)] }, 'quantity', /whole number above 0/],
      [{ accountId: wpay, lines: [wpayLine(1, 0)] }, 'faceValueCents', /above 0/],
      [{ accountId: wpay, lines: [wpayLine(1, 10.5)] }, 'faceValueCents', /at most two decimals/],
      [{ accountId: blackhawk, lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2_550, quantity: 1 }] }, 'faceValueCents', /whole amounts only/],
      [{ accountId: wpay, lines: [wpayLine(25_000), wpayLine(1)] }, 'quantity', /25001 cards; this provider takes at most 25000/],
      [{ accountId: blackhawk, lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2_500, quantity: 5_001 }] }, 'quantity', /at most 5000/],
      [{ accountId: wpay, lines: [wpayLine(1)], reference: '' }, 'reference', /empty/],
      [{ accountId: wpay, lines: [wpayLine(1)], reference: 'r'.repeat(56) }, 'reference', /56 characters long; this provider takes at most 55/],
      [{ accountId: blackhawk, lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2_500, quantity: 1 }], reference: 'r'.repeat(51) }, 'reference', /at most 50/],
      [{ accountId: wpay, lines: [wpayLine(1)], reference: '-starts-badly' }, 'reference', /letters, digits/],
      [{ accountId: wpay, lines: [wpayLine(1)], reference: 'has space' }, 'reference', /letters, digits/],
      [{ accountId: wpay, lines: [wpayLine(1)], pollEverySeconds: 0 }, 'pollEverySeconds', /positive number of seconds/],
      [{ accountId: wpay, lines: [wpayLine(1)], pollEverySeconds: Number.NaN }, 'pollEverySeconds', /positive number of seconds/],
    ];
    for (const [input, field, words] of cases) {
      const r = await refusal(rig, input);
      expect(r, JSON.stringify(input).slice(0, 120)).toMatchObject({ field });
      expect(r.message).toMatch(words);
    }
    expect(rig.core.orders.list()).toEqual([]);
    // The sandbox was never even started: nothing can have been sent.
    expect(rig.core.audit.list().filter((e) => e.action === 'order.place')).toEqual([]);
  });

  it('takes the largest order and the longest reference each provider allows', async () => {
    const rig = await engineRig();
    const wpay = rig.account('wpay');
    await expect(rig.core.app.orders.review(person(), { accountId: wpay, lines: [wpayLine(24_999), wpayLine(1)], reference: `A${'b'.repeat(54)}`, pollEverySeconds: 0.5 })).resolves.toBeDefined();
    await expect(rig.core.app.orders.review(person(), { accountId: wpay, lines: Array.from({ length: 100 }, () => wpayLine(1)) })).resolves.toBeDefined();
    await expect(rig.core.app.orders.review(person(), { accountId: rig.account('blackhawk'), lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2_500, quantity: 5_000 }], reference: `9${'x'.repeat(49)}` })).resolves.toBeDefined();
    await expect(rig.core.app.orders.review(person(), { accountId: wpay, lines: [wpayLine(1, 1)], reference: 'a.b_c:d-1' })).resolves.toBeDefined();
  });

  it('refuses a reference already used for another order of the account, and makes one up when none is given', async () => {
    const rig = await engineRig();
    const wpay = rig.account('wpay');
    const first = await rig.place({ accountId: wpay, lines: [wpayLine(2)], reference: 'gd-used-once', pollEverySeconds: 1 });
    // The same order asked again under its reference (a retried script) is that order, not a second one…
    expect((await rig.place({ accountId: wpay, lines: [wpayLine(2)], reference: 'gd-used-once', pollEverySeconds: 1 })).id).toBe(first.id);
    // …while other lines under it are refused.
    expect(await refusal(rig, { accountId: wpay, lines: [wpayLine(3)], reference: 'gd-used-once' })).toEqual({
      field: 'reference',
      message: 'Reference gd-used-once was already used for another order of this account.',
    });
    const made = await rig.place({ accountId: wpay, lines: [wpayLine(2)], pollEverySeconds: 1 });
    expect(made.clientReference).toMatch(/^gd-\d{14}-[0-9a-z]{10}$/);
    expect(made.clientReference).not.toBe(first.clientReference);
    expect(rig.core.orders.list()).toHaveLength(2);
    for (const o of [first, made]) expect((await settled(rig.core, o.id)).state).toBe('complete');
    const placed = rig.core.audit.list().filter((e) => e.action === 'order.place');
    expect(placed.map((e) => e.details.reference).sort()).toEqual([first.clientReference, made.clientReference].sort());
  });
});
