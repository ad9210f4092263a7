import type { CsvParse, CsvRowError } from '../../../shared/ipc/views';
import { parseAmountToCents } from '../../../shared/money';

// A CSV of order lines: sku, amount, qty. Every row is checked on its own so a person sees each bad row's number and
// what is wrong with it, not only the first.

const HEADER = /^\s*"?sku"?\s*,/i;

export function parseCsvLines(text: string): CsvParse {
  const lines: CsvParse['lines'] = [];
  const errors: CsvRowError[] = [];
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  rows.forEach((raw, index) => {
    const row = index + 1;
    if (raw.trim() === '' || (row === 1 && HEADER.test(raw))) return;
    const cells = splitCells(raw);
    if (cells.length !== 3) {
      errors.push({ row, field: 'row', message: `Expected 3 values (sku, amount, qty), found ${cells.length}.` });
      return;
    }
    const [sku, amount, qty] = cells as [string, string, string];
    const rowErrors: CsvRowError[] = [];
    if (sku === '') rowErrors.push({ row, field: 'sku', message: 'The SKU is empty.' });
    else if (sku.length > 100) rowErrors.push({ row, field: 'sku', message: 'The SKU is longer than 100 characters.' });
    const cents = parseAmountToCents(amount.replace(/^\$/, ''));
    if (cents === null || cents <= 0) {
      rowErrors.push({ row, field: 'amount', message: `"${amount}" is not an amount such as 25 or 25.50.` });
    }
    const quantity = /^\d{1,6}$/.test(qty) ? Number(qty) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1) {
      rowErrors.push({ row, field: 'qty', message: `"${qty}" is not a whole number of cards (1 or more).` });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else lines.push({ row, sku, faceValueCents: cents!, quantity });
  });
  if (lines.length === 0 && errors.length === 0) errors.push({ row: 1, field: 'row', message: 'The file has no order lines.' });
  return { lines, errors };
}

/** Comma-separated cells, with "double quoted" cells for SKUs or amounts that hold a comma. */
function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
