import { parseAmountToCents } from '../../../shared/money';
import type { PlaceOrderLine } from '../engine/engine-api';

export interface CsvRowError {
  /** 1-based row number in the file, counting the header as row 1. */
  row: number;
  field: string;
  message: string;
}

export type ParsedLines = { ok: true; lines: PlaceOrderLine[] } | { ok: false; errors: CsvRowError[] };

const REQUIRED = ['sku', 'amount', 'qty'] as const;

/**
 * An order's lines from CSV with the columns sku, amount, qty (in any order; header required). Every row is checked
 * and every bad row reported, so a person can fix the file in one go; nothing is returned unless all rows are good.
 */
export function parseOrderLinesCsv(text: string): ParsedLines {
  const rows = splitCsv(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!header || header.every((h) => h === '')) return { ok: false, errors: [{ row: 1, field: 'header', message: 'The file is empty.' }] };
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    return { ok: false, errors: [{ row: 1, field: 'header', message: `Missing column(s): ${missing.join(', ')} (the header must name sku, amount, qty).` }] };
  }
  const col = (name: string) => header.indexOf(name);
  const errors: CsvRowError[] = [];
  const lines: PlaceOrderLine[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const sku = (cells[col('sku')] ?? '').trim();
    const amountText = (cells[col('amount')] ?? '').trim();
    const qtyText = (cells[col('qty')] ?? '').trim();
    const before = errors.length;
    if (!sku) errors.push({ row, field: 'sku', message: 'The sku is empty.' });
    const cents = parseAmountToCents(amountText);
    if (cents === null || cents <= 0) errors.push({ row, field: 'amount', message: `"${amountText}" is not an amount above 0 with at most two decimals.` });
    const qty = /^\d+$/.test(qtyText) ? Number(qtyText) : NaN;
    if (!Number.isSafeInteger(qty) || qty <= 0) errors.push({ row, field: 'qty', message: `"${qtyText}" is not a whole number above 0.` });
    if (errors.length === before) lines.push({ sku, faceValueCents: cents!, quantity: qty });
  });
  if (errors.length) return { ok: false, errors };
  if (lines.length === 0) return { ok: false, errors: [{ row: 2, field: 'rows', message: 'The file has a header but no lines.' }] };
  return { ok: true, lines };
}

/** RFC 4180 fields: quotes, doubled quotes, commas and newlines inside quotes. */
function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
