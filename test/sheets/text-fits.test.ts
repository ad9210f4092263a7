import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { cardBox } from '../../main/core/sheets/draw-card';
import { LAYOUT_NAMES, resolveLayout } from '../../main/core/sheets/layouts';
import type { NewCard } from '../../shared/domain';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { findBarcode, inside, overlaps, renderPage, wordsByPage, type Box, type Word } from '../support/page-geometry';
import { person } from '../support/core';
import { mixedCards, storeOrder } from '../support/order-with-cards';

// The providers document no upper bound for names, numbers or PINs, so these are longer than any seen: a catalog
// name of 160 characters, a 40-character alphanumeric card number, a 20-digit PIN, a 33-digit barcode value, the
// highest face value the order form takes, and an expiry as Wpay sends it, an ISO timestamp.
const LONG_NAME = 'Blackhawk Network Ultimate Choice Multi-Retailer Digital Gift Card for Supermarkets, Fuel, Dining, Fashion, Electronics and Home Improvement (Australia)';
const ISO_EXPIRY = '2029-11-30T23:57:08+00:00';

function longestCards(): NewCard[] {
  return mixedCards(4, 21).map((c, i) => ({
    ...c,
    providerKey: `long-${i}`,
    productName: i === 3 ? 'Woolworths eGift Card' : `${LONG_NAME} ${i}`,
    number: i % 2 === 0 ? `BHN${'7Q2X'.repeat(9)}9${i}` : `628000001000006467${i}`,
    pin: i % 2 === 0 ? `0011223344556677889${i}` : `014${i}`,
    barcode: i === 1 ? `62800000100000646760000000000014${i}` : null,
    url: i < 2 ? `https://egift.example/redeem/${'x'.repeat(40)}/${i}` : null,
    amountCents: 9_999_999,
    expiry: ISO_EXPIRY,
  }));
}

let core: Core;
const orders: Record<'real' | 'sandbox', number> = { real: 0, sandbox: 0 };
beforeAll(async () => {
  core = await openCore(tempDir());
  for (const kind of ['real', 'sandbox'] as const) orders[kind] = storeOrder(core, longestCards(), kind, `GD-LONG-${kind}`);
});
afterAll(() => core?.close());

/** Which card's border a word belongs to; null for the page header above the cards. */
function cardOf(word: Word, cards: Box[]): Box | 'header' | null {
  if (word.yMax < Math.min(...cards.map((c) => c.yMin))) return 'header';
  return cards.find((c) => overlaps(word, c)) ?? null;
}

describe.each(['real', 'sandbox'] as const)('%s cards with the longest values', (kind) => {
  test.each(LAYOUT_NAMES)('on %s, no text leaves its card or touches the barcode, and the expiry reads as a date', async (layoutName) => {
    const dir = tempDir();
    const pdf = path.join(dir, `${layoutName}.pdf`);
    await core.app.outputs.saveSheet(person('test'), { orderId: orders[kind], layout: layoutName, outPath: pdf });
    const layout = resolveLayout(layoutName);
    const pages = wordsByPage(pdf);
    let cardsSeen = 0;
    for (const [p, words] of pages.entries()) {
      const onPage = Math.min(layout.cells.length, 4 - cardsSeen);
      const borders = layout.cells.slice(0, onPage).map((cell) => {
        const b = cardBox(cell);
        return { xMin: b.x, yMin: b.y, xMax: b.x + b.width, yMax: b.y + b.height };
      });
      const image = renderPage(pdf, p + 1, 150, path.join(dir, `page-${p + 1}`));
      const barcodes = borders.map((b) => findBarcode(image, b));
      // Every card here has something to scan: its barcode value or its number.
      expect(barcodes.every((b) => b !== null), `${layoutName} page ${p + 1}: a barcode was not found`).toBe(true);
      for (const word of words) {
        const card = cardOf(word, borders);
        expect(card, `"${word.text}" on ${layoutName} page ${p + 1} is outside every card`).not.toBeNull();
        if (card === 'header' || card === null) continue;
        expect(inside(word, card, 0.25), `"${word.text}" crosses the border of its card on ${layoutName}`).toBe(true);
        for (const bar of barcodes) expect(overlaps(word, bar!), `"${word.text}" runs into a barcode on ${layoutName}`).toBe(false);
      }
      // No two words on a card sit on each other (a long value pushed into its neighbour).
      const cardWords = words.filter((w) => cardOf(w, borders) !== 'header');
      for (const [i, a] of cardWords.entries()) for (const b of cardWords.slice(i + 1)) expect(overlaps(a, b), `"${a.text}" and "${b.text}" overlap on ${layoutName}`).toBe(false);
      cardsSeen += onPage;
    }
    expect(cardsSeen).toBe(4);

    const text = pages.flat().map((w) => w.text).join(' ');
    expect(text.split('30 Nov 2029').length - 1, layoutName).toBe(4);
    expect(text).not.toContain('2029-11-30');
    expect(text).not.toContain('+00:00');
    // Numbers and PINs are never shortened: every character of each is on the page.
    for (const c of core.cards.list(orders[kind])) {
      expect(text.replace(/\s/g, ''), layoutName).toContain(c.number!);
      expect(text.replace(/\s/g, ''), layoutName).toContain(c.pin!);
    }
    expect(text).toContain('A$99,999.99');
  });
});
