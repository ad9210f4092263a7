import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { ValidationError } from '../../main/core/errors';
import { openCore, person } from '../support/core';
import { tempDir } from '../support/temp-dir';

// The Blackhawk catalog rule lives in the application layer, once: the wizard's review and "Place order" (IPC) and
// the CLI's `order` all go through it. Here, through the app layer with the built-in sandbox, whose own request
// counts show that a refused line never reached the provider: the catalog was read, no order was submitted.

let core: Core;
let accountId: string;

beforeAll(async () => {
  core = await openCore(path.join(tempDir(), 'data'), { sandbox: { processing: { baseMs: 100, perCardMs: 0.1 } } });
  accountId = core.accounts.list().find((a) => a.name === 'Sandbox (Blackhawk)')!.id;
});
afterAll(() => core?.close());

const SUBMIT = 'POST /rewardsOrderProcessing/v1/submitEgiftBulk';

async function refusal(run: () => Promise<unknown>): Promise<{ field: string | undefined; message: string }> {
  const err = await run().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return { field: (err as ValidationError).field, message: (err as ValidationError).message };
}

it.each([
  ['an unknown product', { sku: 'BestBuy_eGfit', faceValueCents: 2_500 }, 'sku', '"BestBuy_eGfit" is not in this account\'s catalog.'],
  ['a value above the product\'s maximum', { sku: 'BestBuy_eGift', faceValueCents: 60_000 }, 'faceValueCents', 'Best Buy eGift goes up to 500.00.'],
  ['a value the product does not come in', { sku: 'Starbucks_eGift', faceValueCents: 3_000 }, 'faceValueCents', 'Starbucks eGift comes in 5.00, 10.00, 25.00, 50.00, 100.00 only.'],
])('refuses %s in the review and on placing, before anything is sent', async (_, line, field, message) => {
  const input = { accountId, lines: [{ ...line, quantity: 2 }] };
  expect(await refusal(() => core.app.orders.review(person('ann'), input))).toEqual({ field, message });
  expect(await refusal(() => core.app.orders.place(person('ann'), input))).toEqual({ field, message });

  const stats = (await core.providers.sandbox()).stats();
  expect(stats.requests[SUBMIT] ?? 0).toBe(0);
  expect(stats.orders).toEqual([]);
  expect(core.orders.list()).toEqual([]);
});

it('sends a line the catalog takes (the counts above are the ones an order moves)', async () => {
  const placed = await core.app.orders.place(person('ann'), { accountId, lines: [{ sku: 'Starbucks_eGift', faceValueCents: 2_500, quantity: 2 }] });
  await core.engine.settled(placed.id);
  const stats = (await core.providers.sandbox()).stats();
  expect(stats.requests[SUBMIT]).toBe(1);
  expect(stats.requests['GET /rewardsCatalogProcessing/v1/clientProgram/byKey']).toBeGreaterThan(0);
  expect(stats.orders).toHaveLength(1);
}, 60_000);
