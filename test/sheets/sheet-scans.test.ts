import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun, occurrences, pdfText, scanPdf } from '../support/tools';

let core: Core | undefined;
afterEach(() => core?.close());

describe('a 200-card a4-10 sheet', () => {
  test('every barcode scans to the stored value, every QR code to the card URL, every number is printed once', async () => {
    const made = await coreWithOrder(mixedCards(200));
    core = made.core;
    const stored = core.cards.list(made.orderId);
    const dir = tempDir();
    const pdf = path.join(dir, 'sheet.pdf');

    const result = await core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout: 'a4-10', outPath: pdf, cropMarks: true });
    expect(result).toMatchObject({ cards: 200, pages: 20 });
    expect(mustRun('pdfinfo', [pdf])).toMatch(/^Pages:\s+20$/m);

    const scanned = scanPdf(pdf, dir);
    const expectedBars = stored.map((c) => c.barcode ?? c.number!);
    expect(stored.some((c) => c.barcode === null)).toBe(true);
    expect(scanned.code128.sort()).toEqual([...expectedBars].sort());
    expect(scanned.qr.sort()).toEqual(stored.flatMap((c) => (c.url ? [c.url] : [])).sort());

    const { text } = pdfText(pdf);
    for (const c of stored) expect(occurrences(text, c.number!), c.number!).toBe(1);
    const withoutNumbers = stored.reduce((t, c) => t.replaceAll(c.number!, ''), text);
    for (const c of stored) expect(withoutNumbers).toContain(c.pin!);
    expect(text).toContain('Page 1 of 20');
    expect(text).toContain('Page 20 of 20');
    expect(text).toContain('A$50.50');
  });
});

test('with the scratch option no PIN is printed, and the print is audited without secrets', async () => {
  const made = await coreWithOrder(mixedCards(24, 3));
  core = made.core;
  const stored = core.cards.list(made.orderId);
  const pdf = path.join(tempDir(), 'scratch.pdf');

  await core.app.outputs.saveSheet(person('tester'), { orderId: made.orderId, layout: 'letter-8', outPath: pdf, scratch: true });

  const { text } = pdfText(pdf);
  // PINs are short digit strings: look for them in what is left once the card numbers are taken out.
  const withoutNumbers = stored.reduce((t, c) => t.replaceAll(c.number!, ''), text);
  for (const c of stored) {
    expect(occurrences(text, c.number!)).toBe(1);
    expect(withoutNumbers).not.toContain(c.pin!);
  }
  expect(withoutNumbers).toContain('EXPIRES');
  const [event] = core.audit.list({ subject: `order:${made.orderId}` });
  expect(event).toMatchObject({ actor: { user: 'tester' }, action: 'sheet.save', details: { cards: 24, pages: 3, scratch: true } });
  const details = JSON.stringify(event!.details);
  for (const c of stored) {
    expect(details).not.toContain(c.pin!);
    expect(details).not.toContain(c.number!);
  }
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
});
