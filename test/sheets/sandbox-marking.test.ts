import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { renderSheetToFile } from '../../main/core/sheets/print-sheet';
import { addTestAccount, openCore } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { mixedCards } from './order-with-cards';
import { occurrences, pdfText, scanPdf } from './tools';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const MARK = 'SANDBOX — NOT A REAL CARD';

async function orderOf(provider: 'sandbox' | 'wpay', n: number) {
  core ??= await openCore(tempDir());
  const account = addTestAccount(core, { name: `${provider} account`, provider, sandboxFlavor: provider === 'sandbox' ? 'wpay' : null });
  const order = core.orders.createDraft(
    { accountId: account.id, clientReference: `GD-MARK-${provider}`, currency: 'AUD', lines: [{ sku: 'WW-EGIFT', faceValueCents: 2500, quantity: n }] },
    Date.now(),
  );
  core.cards.insertMany(order.id, mixedCards(n, provider === 'sandbox' ? 31 : 32), Date.now());
  return order.id;
}

test('every card of a sandbox account is printed with the sandbox marking, and still scans', async () => {
  const orderId = await orderOf('sandbox', 13);
  const dir = tempDir();
  const pdf = path.join(dir, 'sandbox.pdf');
  await renderSheetToFile(core!, { orderId, layout: 'a4-10', outPath: pdf }, { actor: 'test' });
  const { text } = pdfText(pdf);
  expect(occurrences(text, MARK)).toBe(13);
  const stored = core!.cards.list(orderId);
  expect(scanPdf(pdf, dir).code128.sort()).toEqual(stored.map((c) => c.barcode ?? c.number!).sort());
});

test('cards of a real account carry no sandbox marking', async () => {
  const orderId = await orderOf('wpay', 6);
  const pdf = path.join(tempDir(), 'real.pdf');
  await renderSheetToFile(core!, { orderId, layout: 'letter-4', outPath: pdf }, { actor: 'test' });
  const { text } = pdfText(pdf);
  expect(text).not.toContain('SANDBOX');
  for (const c of core!.cards.list(orderId)) expect(occurrences(text, c.number!)).toBe(1);
});
