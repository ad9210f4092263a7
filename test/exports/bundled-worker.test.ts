import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { bundleWorker } from '../support/bundle-worker';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun, occurrences, pdfText } from '../support/tools';
import { decryptOffice } from '../support/office-tools';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

test('the card worker bundled the way scripts/build.mjs bundles it renders and encrypts', async () => {
  const file = await bundleWorker('main/core/exports/card-worker.ts');
  const made = await coreWithOrder(mixedCards(12), tempDir(), { workers: { cardJob: { file } } });
  core = made.core;
  const dir = tempDir();

  const sheet = path.join(dir, 'sheet.pdf');
  await core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout: 'a4-10', outPath: sheet });
  const { text } = pdfText(sheet);
  for (const c of core.cards.list(made.orderId)) expect(occurrences(text, c.number!)).toBe(1);

  const zip = path.join(dir, 'cards.zip');
  const passphrase = generatePassphrase();
  await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'zip', outPath: zip, passphrase, includeSheet: true });
  expect(mustRun('7z', ['t', zip], `${passphrase}\n`)).toMatch(/Everything is Ok/);

  // exceljs and officecrypto-tool bundled too: the workbook opens with the passphrase in Office's own scheme.
  const xlsx = path.join(dir, 'cards.xlsx');
  await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'xlsx', outPath: xlsx, passphrase });
  const opened = decryptOffice(xlsx, passphrase, path.join(dir, 'plain.xlsx'));
  expect(opened.status, opened.stderr).toBe(0);
  const sheetXml = mustRun('7z', ['x', '-so', path.join(dir, 'plain.xlsx'), 'xl/sharedStrings.xml']);
  for (const c of core.cards.list(made.orderId)) expect(sheetXml).toContain(`<t>${c.number}</t>`);
});
