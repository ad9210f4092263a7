// Barcodes drawn as vector rectangles straight from the symbol's modules: sharp at any print resolution and far
// cheaper than embedding one bitmap per card in a 25,000-card sheet. Code 128 comes from bwip-js; QR from `qr`, which
// encodes a URL in well under a millisecond where bwip-js's PostScript emulation takes ~20 ms, the bulk of a big sheet.
import bwipjs from 'bwip-js/node';
import encodeQR from 'qr';
import type { BarcodeFormat } from '../../../shared/domain';

type Doc = PDFKit.PDFDocument;

interface LinearSymbol {
  sbs: number[];
}

/** A 2D symbol as bwip-js gives it: pixx modules a row, the rows one after the other, pixy high in all. */
interface MatrixSymbol {
  pixs: number[];
  pixx: number;
  pixy: number;
}

type Box = { x: number; y: number; width: number; height: number };

/** Interleaved 2 of 5 needs ten module widths of blank space on either side too; 2D symbols two modules (four for QR). */
const I25_QUIET = 10;
const MATRIX_QUIET = 2;

/**
 * Draws the value in the symbology the provider named for it, inside the box: the linear ones as wide as the box
 * allows, the 2D ones as large as fits, centred.
 */
export function drawBarcode(doc: Doc, format: BarcodeFormat, value: string, box: Box, maxModule: number): void {
  switch (format) {
    case 'code128':
      return drawCode128(doc, value, box, maxModule);
    case 'interleaved2of5':
      // Digits only, in pairs: an odd count would be padded with a 0 and scan as another value.
      if (!/^(\d\d)+$/.test(value)) throw new Error('only an even number of digits can be encoded as Interleaved 2 of 5');
      return drawLinear(doc, (bwipjs.raw('interleaved2of5', value, {}) as LinearSymbol[])[0], box, maxModule, I25_QUIET);
    case 'qrcode': {
      const size = Math.min(box.width, box.height);
      return drawQr(doc, value, box.x + (box.width - size) / 2, box.y + (box.height - size) / 2, size);
    }
    case 'pdf417':
    case 'datamatrix':
      return drawMatrix(doc, (bwipjs.raw(format, value, {}) as MatrixSymbol[])[0], box);
  }
}

function drawLinear(doc: Doc, symbol: LinearSymbol | undefined, box: Box, maxModule: number, quiet: number): void {
  if (!symbol) throw new Error('bwip-js returned no symbol');
  const modules = symbol.sbs.reduce((a, b) => a + b, 0);
  const module = Math.min(maxModule, box.width / (modules + 2 * quiet));
  let x = box.x + (box.width - modules * module) / 2;
  symbol.sbs.forEach((w, i) => {
    // sbs alternates bar, space, bar, … starting with a bar.
    if (i % 2 === 0) doc.rect(x, box.y, w * module, box.height);
    x += w * module;
  });
  doc.fill('black');
}

function drawMatrix(doc: Doc, symbol: MatrixSymbol | undefined, box: Box): void {
  if (!symbol) throw new Error('bwip-js returned no symbol');
  const rows = symbol.pixs.length / symbol.pixx;
  // PDF417 rows are taller than its modules are wide (pixy counts module heights); Data Matrix is square.
  const rowModules = symbol.pixy / rows;
  const module = Math.min(box.width / (symbol.pixx + 2 * MATRIX_QUIET), box.height / (symbol.pixy + 2 * MATRIX_QUIET));
  const x0 = box.x + (box.width - symbol.pixx * module) / 2;
  const y0 = box.y + (box.height - symbol.pixy * module) / 2;
  for (let r = 0; r < rows; r++) {
    let run = -1;
    for (let c = 0; c <= symbol.pixx; c++) {
      const dark = c < symbol.pixx && symbol.pixs[r * symbol.pixx + c] === 1;
      if (dark && run < 0) run = c;
      if (!dark && run >= 0) {
        doc.rect(x0 + run * module, y0 + r * rowModules * module, (c - run) * module, rowModules * module);
        run = -1;
      }
    }
  }
  doc.fill('black');
}

/** Code 128 needs ten module widths of blank space on either side to scan. */
const CODE128_QUIET = 10;
/** QR needs four modules of blank space around it. */
const QR_QUIET = 4;

/** Draws a Code 128 symbol inside the box (quiet zones included), as wide as the box allows. */
export function drawCode128(doc: Doc, value: string, box: Box, maxModule: number): void {
  // Tills read Code 128 as ASCII; anything else would be encoded as some other text and scan as the wrong card.
  if (!/^[\x20-\x7e]+$/.test(value)) throw new Error('only printable ASCII characters can be encoded');
  drawLinear(doc, (bwipjs.raw('code128', value, {}) as LinearSymbol[])[0], box, maxModule, CODE128_QUIET);
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
