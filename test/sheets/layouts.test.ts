import { writeFileSync } from 'node:fs';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { LAYOUT_NAMES, resolveLayout } from '../../main/core/sheets/layouts';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun, occurrences, pdfText, scanPdf } from '../support/tools';

let core: Core | undefined;
afterEach(() => core?.close());

test('every layout prints on its paper size, with its number of cards a page, and every barcode still scans', async () => {
  expect(LAYOUT_NAMES).toEqual(expect.arrayContaining(['a4-1', 'a4-4', 'a4-8', 'a4-10', 'letter-1', 'letter-4', 'letter-8', 'letter-10']));
  const made = await coreWithOrder(mixedCards(4, 11));
  core = made.core;
  const stored = core.cards.list(made.orderId);
  for (const layout of LAYOUT_NAMES) {
    const dir = tempDir();
    const pdf = path.join(dir, `${layout}.pdf`);
    const perPage = resolveLayout(layout).cells.length;
    const pages = Math.ceil(4 / perPage);
    await core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout, outPath: pdf, cropMarks: true });
    const info = mustRun('pdfinfo', [pdf]);
    expect(info, layout).toMatch(resolveLayout(layout).pageSize === 'A4' ? /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/ : /Page size:\s+612 x 792 pts \(letter\)/);
    expect(info, layout).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
    expect(pdfText(pdf).text, layout).toContain(`Page ${pages} of ${pages}`);
    expect(scanPdf(pdf, dir).code128.sort(), layout).toEqual(stored.map((c) => c.barcode ?? c.number!).sort());
  }
  // Twelve layouts rendered, rasterised and scanned: longer than one test's usual minute on a busy machine.
}, 180_000);

test('an unknown layout is refused with the list of layouts', async () => {
  const made = await coreWithOrder(mixedCards(1));
  core = made.core;
  await expect(
    core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout: 'a5-3', outPath: path.join(tempDir(), 'x.pdf') }),
  ).rejects.toMatchObject({ kind: 'validation', field: 'layout', message: expect.stringContaining('letter-10') });
});

test('a business logo is printed on every card and stored in the PDF once', async () => {
  const made = await coreWithOrder(mixedCards(12));
  core = made.core;
  const dir = tempDir();
  const logo = path.join(dir, 'logo.png');
  writeFileSync(logo, await bwipjs.toBuffer({ bcid: 'qrcode', text: 'Acme Pty Ltd', scale: 2 }));
  const pdf = path.join(dir, 'sheet.pdf');
  await core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout: 'a4-10', outPath: pdf, logoPath: logo });

  // pdfimages lists the PNG's alpha channel as a separate "smask" row: count the images themselves.
  const rows = mustRun('pdfimages', ['-list', pdf]).split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
  expect(rows).toHaveLength(12);
  const objects = new Set(rows.map((r) => r.trim().split(/\s+/).slice(-5, -3).join(' ')));
  expect(objects.size).toBe(1);
});

test('a preview is the first pages as PDF bytes, with the real page total in the header, and is audited', async () => {
  const made = await coreWithOrder(mixedCards(45));
  core = made.core;
  const stored = core.cards.list(made.orderId);
  const preview = await core.app.outputs.previewPages(person('test'), { orderId: made.orderId, layout: 'a4-10', maxPages: 2 });
  expect(preview).toMatchObject({ pages: 2, totalPages: 5, cards: 20 });

  const pdf = path.join(tempDir(), 'preview.pdf');
  writeFileSync(pdf, preview.pdf);
  expect(mustRun('pdfinfo', [pdf])).toMatch(/^Pages:\s+2$/m);
  const { text } = pdfText(pdf);
  expect(text).toContain('Page 2 of 5');
  stored.forEach((c, i) => expect(occurrences(text, c.number!)).toBe(i < 20 ? 1 : 0));
  expect(core.audit.list({ subject: `order:${made.orderId}` })[0]).toMatchObject({ action: 'sheet.preview', details: { cards: 20, pages: 2 } });
});
