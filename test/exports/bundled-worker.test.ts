import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { exportCards } from '../../main/core/exports/export-cards';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { renderSheetToFile } from '../../main/core/sheets/print-sheet';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../sheets/order-with-cards';
import { mustRun, occurrences, pdfText } from '../sheets/tools';

const root = path.resolve(import.meta.dirname, '../..');
let core: Core | undefined;
let bundleDir: string | undefined;
afterEach(async () => {
  await core?.close();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

test('the card worker bundled the way scripts/build.mjs bundles it renders and encrypts', async () => {
  // Inside the project, so the bundle finds pdfkit in node_modules as the packaged app does.
  bundleDir = mkdtempSync(path.join(root, 'node_modules/.cache-giftdesk-worker-'));
  const file = path.join(bundleDir, 'card-worker.cjs');
  await build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'keytar', 'pdfkit'],
    logLevel: 'warning',
    entryPoints: ['main/core/exports/card-worker.ts'],
    outfile: file,
  });
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
});
