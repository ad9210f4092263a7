import { parseAmountToCents } from '../../../shared/money';
import { readRecords, type CsvRowError } from '../orders/parse-lines-csv';

/** One recipient of a hand-out: who gets one card of this product and value. */
export interface RecipientRow {
  /** The file's line number, for messages. */
  row: number;
  name: string;
  contact: string;
  reference: string | null;
  sku: string;
  amountCents: number;
}

export interface RecipientsCsv {
  rows: RecipientRow[];
  errors: CsvRowError[];
}

export const RECIPIENT_COLUMNS = ['name', 'contact', 'reference', 'sku', 'amount'] as const;
const REQUIRED = ['name', 'contact', 'sku', 'amount'] as const;
const MAX_TEXT = 200;

/**
 * A recipient list: a header naming name, contact, reference (optional: the column may be left out or its cells left
 * empty), sku and amount, then one recipient a row. Every row is checked on its own, so a person sees each bad row's
 * number (the file's line number). csv-parse reads the format, as it reads order files.
 */
export function parseRecipientsCsv(text: string): RecipientsCsv {
  const records = readRecords(text);
  if ('error' in records) return { rows: [], errors: [records.error] };
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { rows: [], errors: [{ row: 1, field: 'row', message: `The first row must name the columns ${RECIPIENT_COLUMNS.join(',')} (missing: ${missing.join(', ')}).` }] };
  }
  const at = (name: string) => header.indexOf(name);
  const rows: RecipientRow[] = [];
  const errors: CsvRowError[] = [];
  records.slice(1).forEach(({ cells, row }) => {
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== header.length) {
      errors.push({ row, field: 'row', message: `Expected ${header.length} values (${header.join(', ')}), found ${cells.length}.` });
      return;
    }
    const cell = (name: string) => (at(name) < 0 ? '' : cells[at(name)]!.trim());
    const rowErrors: CsvRowError[] = [];
    for (const name of ['name', 'contact', 'sku'] as const) {
      if (cell(name) === '') rowErrors.push({ row, field: name, message: `The ${name} is empty.` });
      else if (cell(name).length > MAX_TEXT) rowErrors.push({ row, field: name, message: `The ${name} is longer than ${MAX_TEXT} characters.` });
    }
    if (cell('reference').length > MAX_TEXT) rowErrors.push({ row, field: 'reference', message: `The reference is longer than ${MAX_TEXT} characters.` });
    const amount = cell('amount');
    const cents = parseAmountToCents(amount.replace(/^\$/, ''));
    if (cents === null || cents <= 0) rowErrors.push({ row, field: 'amount', message: `"${amount}" is not an amount such as 25 or 25.50.` });
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ row, name: cell('name'), contact: cell('contact'), reference: cell('reference') || null, sku: cell('sku'), amountCents: cents! });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 1, field: 'row', message: 'The file has no recipients.' });
  return { rows, errors };
}
