import { CsvError, parse } from 'csv-parse/sync';
import { parseAmountToCents } from '../../../shared/money';

export interface CsvOrderLine {
  /** The file's line number, for messages. */
  row: number;
  sku: string;
  faceValueCents: number;
  quantity: number;
}

/** A bad row: its line number, the column at fault ("row" for the row as a whole) and what is wrong. */
export interface CsvRowError {
  row: number;
  field: string;
  message: string;
}

export interface OrderLinesCsv {
  lines: CsvOrderLine[];
  errors: CsvRowError[];
}

/** The column that holds each order-line field, to name it in a row's error. */
export const CSV_COLUMN_OF_FIELD: Readonly<Record<string, string>> = { sku: 'sku', faceValueCents: 'amount', quantity: 'qty' };

/**
 * An order's lines from CSV: sku, amount, qty — in that order, or in any order under a header naming them. Every row
 * is checked on its own, so a person sees each bad row's number (the file's line number) and what is wrong with it,
 * not only the first. The desktop app and the CLI both read order files here; csv-parse reads the format.
 */
export function parseOrderLinesCsv(text: string): OrderLinesCsv {
  const records = readRecords(text);
  if ('error' in records) return { lines: [], errors: [records.error] };
  const first = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const hasHeader = first.includes('sku');
  const columns = hasHeader ? { sku: first.indexOf('sku'), amount: first.indexOf('amount'), qty: first.indexOf('qty'), width: first.length } : { sku: 0, amount: 1, qty: 2, width: 3 };
  if (hasHeader && (columns.amount < 0 || columns.qty < 0)) {
    return { lines: [], errors: [{ row: 1, field: 'row', message: 'The header must name the columns sku, amount and qty.' }] };
  }
  const lines: CsvOrderLine[] = [];
  const errors: CsvRowError[] = [];
  records.forEach(({ cells, row }, index) => {
    if ((hasHeader && index === 0) || cells.every((c) => c.trim() === '')) return;
    if (cells.length !== columns.width) {
      errors.push({ row, field: 'row', message: `Expected ${columns.width} values (${hasHeader ? first.join(', ') : 'sku, amount, qty'}), found ${cells.length}.` });
      return;
    }
    const sku = cells[columns.sku]!.trim();
    const amount = cells[columns.amount]!.trim();
    const qty = cells[columns.qty]!.trim();
    const rowErrors: CsvRowError[] = [];
    if (sku === '') rowErrors.push({ row, field: 'sku', message: 'The SKU is empty.' });
    else if (sku.length > 100) rowErrors.push({ row, field: 'sku', message: 'The SKU is longer than 100 characters.' });
    const cents = parseAmountToCents(amount.replace(/^\$/, ''));
    if (cents === null || cents <= 0) rowErrors.push({ row, field: 'amount', message: `"${amount}" is not an amount such as 25 or 25.50.` });
    const quantity = /^\d{1,6}$/.test(qty) ? Number(qty) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1) rowErrors.push({ row, field: 'qty', message: `"${qty}" is not a whole number of cards (1 or more).` });
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else lines.push({ row, sku, faceValueCents: cents!, quantity });
  });
  if (lines.length === 0 && errors.length === 0) errors.push({ row: 1, field: 'row', message: 'The file has no order lines.' });
  return { lines, errors };
}

/** The file's records with the line each starts on; a file that is not CSV at all (a quote never closed) is one error. */
export function readRecords(text: string): { cells: string[]; row: number }[] | { error: CsvRowError } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // Blank lines stay records, so that every record knows the line it starts on from where the previous one ended;
    // files from different programs end lines differently, sometimes within one file.
    parsed = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof parsed;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const row = (err as CsvError & { lines?: number }).lines ?? 1;
    const why = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed (a closing " is missing)' : err.message.replace(/^[^:]*: /, '');
    return { error: { row, field: 'row', message: `The file cannot be read as CSV: ${why}.` } };
  }
  let ended = 0;
  return parsed.map(({ record, info }) => {
    const row = ended + 1;
    ended = info.lines;
    return { cells: record, row };
  });
}
