import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { person } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { coreWithOrder } from '../support/order-with-cards';
import { findBarcode, renderPage, wordsByPage, type Box, type Gray } from '../support/page-geometry';
import { mustRun } from '../support/tools';
import { tempDir } from '../support/temp-dir';

/** Where the pages are kept for a person to look at; on a fresh clone it does not exist until a test makes it. */
function screensDir(): string {
  const dir = path.join(process.cwd(), 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Pre-cut card stock, measured on the page poppler renders: each card where the maker's sheet has it, within 0.5 mm.
// The expected positions are written out here from the stock's own figures, not taken from the code under test.

const IN = 25.4;
const STOCK = {
  // US Letter, cards 3.5 × 2 in, 2 × 5, side margins 0.75 in, top margin 0.5 in, no gaps.
  'avery-5371': { page: [8.5 * IN, 11 * IN], pageInfo: /612 x 792 pts/, card: [3.5 * IN, 2 * IN], first: [0.75 * IN, 0.5 * IN], pitch: [3.5 * IN, 2 * IN] },
  // A4, cards 85 × 54 mm, 2 × 5, first card 15 mm from the left and 13.5 mm from the top, columns 95 mm apart, rows 54 mm apart.
  'avery-c32011': { page: [210, 297], pageInfo: /595\.\d+ x 841\.\d+ pts/, card: [85, 54], first: [15, 13.5], pitch: [95, 54] },
} as const;
const TOLERANCE_MM = 0.5;
const DPI = 300;

/** Each card's rectangle in millimetres from the page's top left, left to right then top to bottom. */
function expectedCards(layout: keyof typeof STOCK): Box[] {
  const s = STOCK[layout];
  const cards: Box[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 2; col++) {
      const xMin = s.first[0] + col * s.pitch[0];
      const yMin = s.first[1] + row * s.pitch[1];
      cards.push({ xMin, yMin, xMax: xMin + s.card[0], yMax: yMin + s.card[1] });
    }
  }
  return cards;
}

const pxPerMm = DPI / IN;
const toPt = (mm: number) => (mm * 72) / IN;
const toMm = (pt: number) => (pt * IN) / 72;

/**
 * The printed line nearest `expectedMm` along one pixel row (or column) of the page, within ±3 mm: the middle of the
 * dark run, in millimetres. Null when nothing dark is there.
 */
function lineNear(image: Gray, axis: 'x' | 'y', expectedMm: number, acrossMm: number): number | null {
  const across = Math.round(acrossMm * pxPerMm);
  const from = Math.max(0, Math.round((expectedMm - 3) * pxPerMm));
  const to = Math.min((axis === 'x' ? image.width : image.height) - 1, Math.round((expectedMm + 3) * pxPerMm));
  const dark = (i: number) => (axis === 'x' ? image.at(i, across) : image.at(across, i)) < 160;
  let best: number | null = null;
  for (let i = from; i <= to; i++) {
    if (!dark(i)) continue;
    let j = i;
    while (j + 1 <= to && dark(j + 1)) j++;
    const middle = (i + j + 1) / 2 / pxPerMm;
    if (best === null || Math.abs(middle - expectedMm) < Math.abs(best - expectedMm)) best = middle;
    i = j;
  }
  return best;
}

let core: Core;
let orderId: number;
let dir: string;
beforeAll(async () => {
  const made = await coreWithOrder(fakeCards(10, 5));
  core = made.core;
  orderId = made.orderId;
  dir = tempDir();
});
afterAll(() => core?.close());

describe.each(Object.keys(STOCK) as (keyof typeof STOCK)[])('%s', (layout) => {
  const cards = expectedCards(layout);

  test('the alignment test page outlines every card where the stock has it, within 0.5 mm', async () => {
    const pdf = path.join(dir, `${layout}-alignment.pdf`);
    await core.app.outputs.saveAlignmentPage(person(), { layout, outPath: pdf });
    expect(mustRun('pdfinfo', [pdf])).toMatch(STOCK[layout].pageInfo);
    const image = renderPage(pdf, 1, DPI, path.join(dir, `${layout}-alignment`));
    mustRun('pdftoppm', ['-r', '50', '-png', '-singlefile', pdf, path.join(screensDir(), `alignment-${layout}`)]);
    for (const [i, c] of cards.entries()) {
      // Measured a quarter of the way in along each edge, clear of the middle cross and the "Card N" label.
      const measured = {
        xMin: lineNear(image, 'x', c.xMin, c.yMin + (c.yMax - c.yMin) * 0.75),
        xMax: lineNear(image, 'x', c.xMax, c.yMin + (c.yMax - c.yMin) * 0.75),
        yMin: lineNear(image, 'y', c.yMin, c.xMin + (c.xMax - c.xMin) * 0.75),
        yMax: lineNear(image, 'y', c.yMax, c.xMin + (c.xMax - c.xMin) * 0.75),
      };
      for (const edge of ['xMin', 'xMax', 'yMin', 'yMax'] as const) {
        expect(measured[edge], `card ${i + 1} ${edge}`).not.toBeNull();
        expect(Math.abs(measured[edge]! - c[edge]), `card ${i + 1} ${edge}: ${measured[edge]} mm, stock ${c[edge]} mm`).toBeLessThanOrEqual(TOLERANCE_MM);
      }
    }
  });

  test('a sheet of 10 cards puts one card on each card of the stock, centred on it within 0.5 mm, with the business’s line', async () => {
    const pdf = path.join(dir, `${layout}-sheet.pdf`);
    await core.app.outputs.saveSheet(person(), { orderId, layout, outPath: pdf, message: 'Thank you for volunteering!' });
    const image = renderPage(pdf, 1, DPI, path.join(dir, `${layout}-sheet`));
    const words = wordsByPage(pdf)[0]!;
    const numbers = words.filter((w) => /^62\d{17}$/.test(w.text));
    const thanks = words.filter((w) => w.text === 'volunteering!');
    expect(numbers).toHaveLength(10);
    for (const [i, c] of cards.entries()) {
      const cell: Box = { xMin: toPt(c.xMin), yMin: toPt(c.yMin), xMax: toPt(c.xMax), yMax: toPt(c.yMax) };
      const within = (b: Box) => b.xMin >= cell.xMin && b.xMax <= cell.xMax && b.yMin >= cell.yMin && b.yMax <= cell.yMax;
      expect(numbers.filter(within), `card ${i + 1}: its number`).toHaveLength(1);
      expect(thanks.filter(within), `card ${i + 1}: the business's line`).toHaveLength(1);
      const barcode = findBarcode(image, cell);
      expect(barcode, `card ${i + 1}: its barcode`).not.toBeNull();
      expect(within(barcode!), `card ${i + 1}: its barcode inside the card`).toBe(true);
      const centre = toMm((barcode!.xMin + barcode!.xMax) / 2);
      expect(Math.abs(centre - (c.xMin + c.xMax) / 2), `card ${i + 1}: barcode centred at ${centre} mm`).toBeLessThanOrEqual(TOLERANCE_MM);
    }
    mustRun('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(screensDir(), `sheet-${layout}`)]);
  });
});
