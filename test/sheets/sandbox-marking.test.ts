import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { person } from '../support/core';
import { mixedCards, storeOrder } from '../support/order-with-cards';
import { occurrences, pdfText, scanPdf } from '../support/tools';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const MARK = 'SANDBOX — NOT A REAL CARD';

async function orderOf(kind: 'sandbox' | 'real', n: number) {
  core ??= await openCore(tempDir());
  return storeOrder(core, mixedCards(n, kind === 'sandbox' ? 31 : 32), kind, `GD-MARK-${kind}`);
}

test('every card of a sandbox account is printed with the sandbox marking, and still scans', async () => {
  const orderId = await orderOf('sandbox', 13);
  const dir = tempDir();
  const pdf = path.join(dir, 'sandbox.pdf');
  await core!.app.outputs.saveSheet(person('test'), { orderId, layout: 'a4-10', outPath: pdf });
  const { text } = pdfText(pdf);
  expect(occurrences(text, MARK)).toBe(13);
  const stored = core!.cards.list(orderId);
  expect(scanPdf(pdf, dir).code128.sort()).toEqual(stored.map((c) => c.barcode ?? c.number!).sort());
});

test('cards of a real account carry no sandbox marking', async () => {
  const orderId = await orderOf('real', 6);
  const pdf = path.join(tempDir(), 'real.pdf');
  await core!.app.outputs.saveSheet(person('test'), { orderId, layout: 'letter-4', outPath: pdf });
  const { text } = pdfText(pdf);
  expect(text).not.toContain('SANDBOX');
  for (const c of core!.cards.list(orderId)) expect(occurrences(text, c.number!)).toBe(1);
});
