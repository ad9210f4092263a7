// Barcodes drawn as vector rectangles straight from the symbol's modules: sharp at any print resolution and far
// cheaper than embedding one bitmap per card in a 25,000-card sheet. Code 128 comes from bwip-js; QR from `qr`, which
// encodes a URL in well under a millisecond where bwip-js's PostScript emulation takes ~20 ms, the bulk of a big sheet.
import bwipjs from 'bwip-js/node';
import encodeQR from 'qr';

type Doc = PDFKit.PDFDocument;

interface LinearSymbol {
  sbs: number[];
}

/** Code 128 needs ten module widths of blank space on either side to scan. */
const CODE128_QUIET = 10;
/** QR needs four modules of blank space around it. */
const QR_QUIET = 4;

/** Draws a Code 128 symbol inside the box (quiet zones included), as wide as the box allows. */
export function drawCode128(doc: Doc, value: string, box: { x: number; y: number; width: number; height: number }, maxModule: number): void {
  // Tills read Code 128 as ASCII; anything else would be encoded as some other text and scan as the wrong card.
  if (!/^[\x20-\x7e]+$/.test(value)) throw new Error('only printable ASCII characters can be encoded');
  const [symbol] = bwipjs.raw('code128', value, {}) as LinearSymbol[];
  if (!symbol) throw new Error('bwip-js returned no Code 128 symbol');
  const modules = symbol.sbs.reduce((a, b) => a + b, 0);
  const module = Math.min(maxModule, box.width / (modules + 2 * CODE128_QUIET));
  let x = box.x + (box.width - modules * module) / 2;
  symbol.sbs.forEach((w, i) => {
    // sbs alternates bar, space, bar, … starting with a bar.
    if (i % 2 === 0) doc.rect(x, box.y, w * module, box.height);
    x += w * module;
  });
  doc.fill('black');
}

/** Draws a QR code (error correction M) filling a square of the given size, quiet zone included. */
export function drawQr(doc: Doc, value: string, x: number, y: number, size: number): void {
  const rows = encodeQR(value, 'raw', { ecc: 'medium', border: QR_QUIET });
  const module = size / rows.length;
  rows.forEach((row, r) => {
    // One rectangle per run of dark modules keeps the page's drawing operators few.
    let run = -1;
    for (let c = 0; c <= row.length; c++) {
      const dark = c < row.length && row[c] === true;
      if (dark && run < 0) run = c;
      if (!dark && run >= 0) {
        doc.rect(x + run * module, y + r * module, (c - run) * module, module);
        run = -1;
      }
    }
  });
  doc.fill('black');
}
