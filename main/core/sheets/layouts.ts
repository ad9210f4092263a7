// Page geometry for card sheets. Units are PDF points (1/72 inch); 1 mm = 72 / 25.4 pt.
import { SHEET_LAYOUTS } from '../../../shared/card-outputs';
import { ValidationError } from '../errors';

const MM = 72 / 25.4;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SheetLayout {
  name: string;
  pageSize: 'A4' | 'LETTER';
  pageWidth: number;
  pageHeight: number;
  columns: number;
  rows: number;
  /** Cell rectangles on a page, left to right, top to bottom. */
  cells: Rect[];
  /** Labels are pre-cut: no crop marks, and the header must stay in the sheet's top margin. */
  label: boolean;
}

const PAGES = {
  a4: { pageSize: 'A4', width: 210 * MM, height: 297 * MM },
  letter: { pageSize: 'LETTER', width: 8.5 * 72, height: 11 * 72 },
} as const;

const GRIDS: Record<number, { columns: number; rows: number }> = {
  1: { columns: 1, rows: 1 },
  4: { columns: 2, rows: 2 },
  8: { columns: 2, rows: 4 },
  10: { columns: 2, rows: 5 },
};

/**
 * Common label stock: Avery L7163 (A4, 2 × 7, 99.1 × 38.1 mm) and Avery 5163 (Letter, 2 × 5, 4 × 2 in).
 * Positions are the stock's own, so the print lands on the die-cut labels.
 */
const LABELS = {
  a4: { columns: 2, rows: 7, width: 99.1 * MM, height: 38.1 * MM, left: 4.65 * MM, top: 15.15 * MM, gapX: 2.5 * MM, gapY: 0 },
  letter: { columns: 2, rows: 5, width: 4 * 72, height: 2 * 72, left: 0.156 * 72, top: 0.5 * 72, gapX: 0.188 * 72, gapY: 0 },
} as const;

/**
 * Pre-cut card stock, at the positions its maker gives: Avery 5371 (US Letter, 3.5 × 2 in, 2 × 5, side margins
 * 0.75 in, top 0.5 in, no gaps) and Avery C32011 (A4, 85 × 54 mm, 2 × 5, first card 15 mm from the left and 13.5 mm
 * from the top, columns 95 mm apart, rows 54 mm apart).
 */
const CARD_STOCK: Record<string, { paper: 'a4' | 'letter'; columns: number; rows: number; width: number; height: number; left: number; top: number; pitchX: number; pitchY: number }> = {
  'avery-5371': { paper: 'letter', columns: 2, rows: 5, width: 3.5 * 72, height: 2 * 72, left: 0.75 * 72, top: 0.5 * 72, pitchX: 3.5 * 72, pitchY: 2 * 72 },
  'avery-c32011': { paper: 'a4', columns: 2, rows: 5, width: 85 * MM, height: 54 * MM, left: 15 * MM, top: 13.5 * MM, pitchX: 95 * MM, pitchY: 54 * MM },
};

/** The top band that holds the page header, and the margins the crop marks are drawn in. */
const HEADER_BAND = 14 * MM;
const MARGIN = 10 * MM;
const GAP = 5 * MM;

/** The layouts people choose from (shared with the renderer's form and the contract); each is drawn below. */
export const LAYOUT_NAMES: readonly string[] = SHEET_LAYOUTS;

export function perPage(layout: SheetLayout): number {
  return layout.cells.length;
}

export function pageCount(layout: SheetLayout, cardCount: number): number {
  return Math.max(1, Math.ceil(cardCount / perPage(layout)));
}

export function resolveLayout(name: string): SheetLayout {
  const stock = CARD_STOCK[name.trim().toLowerCase()];
  if (stock) {
    const paper = PAGES[stock.paper];
    const cells = grid(stock.columns, stock.rows, (c, r) => ({ x: stock.left + c * stock.pitchX, y: stock.top + r * stock.pitchY, width: stock.width, height: stock.height }));
    return { name: name.trim().toLowerCase(), pageSize: paper.pageSize, pageWidth: paper.width, pageHeight: paper.height, columns: stock.columns, rows: stock.rows, cells, label: true };
  }
  const m = /^(a4|letter)-(labels-)?(\d+)$/.exec(name.trim().toLowerCase());
  const paper = m ? PAGES[m[1] as 'a4' | 'letter'] : undefined;
  const drawable = m && (m[2] ? LABELS[m[1] as 'a4' | 'letter'].columns * LABELS[m[1] as 'a4' | 'letter'].rows === Number(m[3]) : GRIDS[Number(m[3])]);
  if (!m || !paper || !drawable || !LAYOUT_NAMES.includes(m[0])) {
    throw new ValidationError('layout', `Unknown layout "${name}". Choose one of: ${LAYOUT_NAMES.join(', ')}.`);
  }
  const base = { name: m[0], pageSize: paper.pageSize, pageWidth: paper.width, pageHeight: paper.height };
  if (m[2]) {
    const l = LABELS[m[1] as 'a4' | 'letter'];
    const cells = grid(l.columns, l.rows, (c, r) => ({
      x: l.left + c * (l.width + l.gapX),
      y: l.top + r * (l.height + l.gapY),
      width: l.width,
      height: l.height,
    }));
    return { ...base, columns: l.columns, rows: l.rows, cells, label: true };
  }
  const { columns, rows } = GRIDS[Number(m[3])]!;
  const width = (paper.width - 2 * MARGIN - (columns - 1) * GAP) / columns;
  const height = (paper.height - HEADER_BAND - MARGIN - (rows - 1) * GAP) / rows;
  // A gift card is 85.6 × 54 mm; bigger cells keep that shape so a card prints the same on every layout.
  const scale = Math.min(width / (85.6 * MM), height / (54 * MM));
  const cardW = 85.6 * MM * scale;
  const cardH = 54 * MM * scale;
  const left = (paper.width - columns * cardW - (columns - 1) * GAP) / 2;
  const top = HEADER_BAND + (paper.height - HEADER_BAND - MARGIN - rows * cardH - (rows - 1) * GAP) / 2;
  const cells = grid(columns, rows, (c, r) => ({ x: left + c * (cardW + GAP), y: top + r * (cardH + GAP), width: cardW, height: cardH }));
  return { ...base, columns, rows, cells, label: false };
}

function grid(columns: number, rows: number, at: (column: number, row: number) => Rect): Rect[] {
  const cells: Rect[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) cells.push(at(c, r));
  return cells;
}
