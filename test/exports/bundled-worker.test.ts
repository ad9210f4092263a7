import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { exportCards } from '../../main/core/exports/export-cards';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { renderSheetToFile } from '../../main/core/sheets/print-sheet';
import { bundleWorker } from '../support/bundle-worker';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../sheets/order-with-cards';
import { mustRun, occurrences, pdfText } from '../sheets/tools';
import { decryptOffice } from './office-tools';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

test('the card worker bundled the way scripts/build.mjs bundles it renders and encrypts', async () => {
  const file = await bundleWorker('main/core/exports/card-worker.ts');
  const made = await coreWithOrder(mixedCards(12));
  core = made.core;
  const worker = { file };
  const dir = tempDir();

  const sheet = path.join(dir, 'sheet.pdf');
  await renderSheetToFile(core, { orderId: made.orderId, layout: 'a4-10', outPath: sheet }, { actor: 'test', worker });
  const { text } = pdfText(sheet);
  for (const c of core.cards.list(made.orderId)) expect(occurrences(text, c.number!)).toBe(1);

  const zip = path.join(dir, 'cards.zip');
  const passphrase = generatePassphrase();
  await exportCards(core, { orderId: made.orderId, format: 'zip', outPath: zip, passphrase, includeSheet: true }, { actor: 'test', worker });
  expect(mustRun('7z', ['t', zip], `${passphrase}\n`)).toMatch(/Everything is Ok/);

  // exceljs and officecrypto-tool bundled too: the workbook opens with the passphrase in Office's own scheme.
  const xlsx = path.join(dir, 'cards.xlsx');
  await exportCards(core, { orderId: made.orderId, format: 'xlsx', outPath: xlsx, passphrase }, { actor: 'test', worker });
  const opened = decryptOffice(xlsx, passphrase, path.join(dir, 'plain.xlsx'));
  expect(opened.status, opened.stderr).toBe(0);
  const sheetXml = mustRun('7z', ['x', '-so', path.join(dir, 'plain.xlsx'), 'xl/sharedStrings.xml']);
  for (const c of core.cards.list(made.orderId)) expect(sheetXml).toContain(`<t>${c.number}</t>`);
});
