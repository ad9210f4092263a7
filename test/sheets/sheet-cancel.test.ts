// A big sheet says how big it is before it starts, reports its progress, and stops when cancelled: the worker ends,
// no PDF (or half of one) is left where it was going, and nothing is recorded as printed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { person } from '../support/core';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { tempDir } from '../support/temp-dir';

let core: Core;
let orderId = 0;
beforeAll(async () => {
  ({ core, orderId } = await coreWithOrder(mixedCards(2_000)));
}, 60_000);
afterAll(() => core?.close());

test('the plan of a sheet: its cards and pages for the layout chosen', () => {
  expect(core.app.outputs.sheetPlan(person(), { orderId, layout: 'a4-1' })).toEqual({ cards: 2_000, pages: 2_000 });
  expect(core.app.outputs.sheetPlan(person(), { orderId, layout: 'a4-10' })).toEqual({ cards: 2_000, pages: 200 });
  expect(core.app.outputs.sheetPlan(person(), { orderId, layout: 'a4-labels-14' })).toEqual({ cards: 2_000, pages: 143 });
});

test('cancelling a 2,000-page sheet stops the worker and leaves no partial file behind', async () => {
  const dir = tempDir();
  const outPath = path.join(dir, 'big.pdf');
  const abort = new AbortController();
  const progress: number[] = [];
  const saving = core.app.outputs.saveSheet(
    person(),
    { orderId, layout: 'a4-1', scratch: false, outPath },
    {
      batchSize: 100,
      signal: abort.signal,
      onProgress: (cards) => {
        progress.push(cards);
        // Well into the job: the worker has a half-written file by now.
        if (cards >= 300) abort.abort();
      },
    },
  );
  await expect(saving).rejects.toMatchObject({ kind: 'cancelled' });
  // Not one batch more was handed over after the cancel, and the worker never finished the 2,000 cards.
  expect(progress.at(-1)).toBe(300);
  expect(readdirSync(dir)).toEqual([]);
  const saves = core.app.audit.page(person(), { actions: ['sheet.save'], orderId });
  expect(saves.entries).toEqual([]);

  // The worker is gone, not stuck: the next sheet runs and completes.
  const done = await core.app.outputs.saveSheet(person(), { orderId, layout: 'a4-10', scratch: false, outPath });
  expect(done).toMatchObject({ cards: 2_000, pages: 200 });
  expect(readdirSync(dir)).toEqual(['big.pdf']);
}, 120_000);
