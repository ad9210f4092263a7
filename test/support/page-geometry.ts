import { readFileSync } from 'node:fs';
import { mustRun } from './tools';

// What a printed page shows, measured by poppler: the words pdftotext places (in points, origin top left) and the
// page as pixels from pdftoppm, in which a barcode is found by its look (a band of identical rows of many bars).

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Word extends Box {
  text: string;
}

/** Every word on every page, as `pdftotext -bbox` places it. */
export function wordsByPage(pdf: string): Word[][] {
  const html = mustRun('pdftotext', ['-bbox', pdf, '-']);
  return html
    .split(/<page\b/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: decodeEntities(m[5]!),
      })),
    );
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

export interface Gray {
  width: number;
  height: number;
  /** Pixels per point. */
  scale: number;
  at(x: number, y: number): number;
}

/** One page rendered by pdftoppm as an 8-bit grey image (binary PGM). */
export function renderPage(pdf: string, page: number, dpi: number, outPrefix: string): Gray {
  mustRun('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, outPrefix]);
  const bytes = readFileSync(`${outPrefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = bytes.subarray(header[0].length);
  return { width, height, scale: dpi / 72, at: (x, y) => data[y * width + x]! };
}

/**
 * The barcode inside a region of the page (in points): the tallest run of consecutive pixel rows that are the same
 * dark/light pattern and cross at least `minBars` bars. Text rows change from one pixel row to the next; bars do not.
 */
export function findBarcode(image: Gray, region: Box, minBars = 20): Box | null {
  const x0 = Math.max(0, Math.floor(region.xMin * image.scale));
  const x1 = Math.min(image.width - 1, Math.ceil(region.xMax * image.scale));
  const y0 = Math.max(0, Math.floor(region.yMin * image.scale));
  const y1 = Math.min(image.height - 1, Math.ceil(region.yMax * image.scale));
  const pattern = (y: number) => {
    let bits = '';
    for (let x = x0; x <= x1; x++) bits += image.at(x, y) < 128 ? '1' : '0';
    return bits;
  };
  const bars = (bits: string) => (bits.match(/1+/g) ?? []).length;
  let best: { from: number; to: number; bits: string } | null = null;
  let run: { from: number; to: number; bits: string } | null = null;
  for (let y = y0; y <= y1; y++) {
    const bits = pattern(y);
    if (bars(bits) >= minBars && run && run.bits === bits) run.to = y;
    else run = bars(bits) >= minBars ? { from: y, to: y, bits } : null;
    if (run && (!best || run.to - run.from > best.to - best.from)) best = { ...run };
  }
  if (!best || best.to - best.from < 10) return null;
  const first = best.bits.indexOf('1');
  const last = best.bits.lastIndexOf('1');
  return { xMin: (x0 + first) / image.scale, xMax: (x0 + last + 1) / image.scale, yMin: best.from / image.scale, yMax: (best.to + 1) / image.scale };
}

export const inside = (inner: Box, outer: Box, tolerance = 0) =>
  inner.xMin >= outer.xMin - tolerance && inner.xMax <= outer.xMax + tolerance && inner.yMin >= outer.yMin - tolerance && inner.yMax <= outer.yMax + tolerance;

export const overlaps = (a: Box, b: Box) => a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;
