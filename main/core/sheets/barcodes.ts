// Barcodes drawn as vector rectangles straight from bwip-js's symbol matrix: sharp at any print resolution and far
// cheaper than embedding one bitmap per card in a 25,000-card sheet.
import bwipjs from 'bwip-js/node';

type Doc = PDFKit.PDFDocument;

interface LinearSymbol {
  sbs: number[];
}
interface MatrixSymbol {
  pixs: number[];
  pixx: number;
  pixy: number;
}

/** Code 128 needs ten module widths of blank space on either side to scan. */
const CODE128_QUIET = 10;
/** QR needs four modules of blank space around it. */
const QR_QUIET = 4;

/** Draws a Code 128 symbol inside the box (quiet zones included), as wide as the box allows. */
export function drawCode128(doc: Doc, value: string, box: { x: number; y: number; width: number; height: number }, maxModule: number): void {
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

/** Draws a QR code filling a square of the given size (quiet zone included). */
export function drawQr(doc: Doc, value: string, x: number, y: number, size: number): void {
  const [symbol] = bwipjs.raw('qrcode', value, {}) as MatrixSymbol[];
  if (!symbol) throw new Error('bwip-js returned no QR symbol');
  const module = size / (symbol.pixx + 2 * QR_QUIET);
  const ox = x + QR_QUIET * module;
  const oy = y + QR_QUIET * module;
  for (let row = 0; row < symbol.pixy; row++) {
    // One rectangle per run of dark modules keeps the page's drawing operators few.
    let run = -1;
    for (let col = 0; col <= symbol.pixx; col++) {
      const dark = col < symbol.pixx && symbol.pixs[row * symbol.pixx + col] === 1;
      if (dark && run < 0) run = col;
      if (!dark && run >= 0) {
        doc.rect(ox + run * module, oy + row * module, (col - run) * module, module);
        run = -1;
      }
    }
  }
  doc.fill('black');
}
