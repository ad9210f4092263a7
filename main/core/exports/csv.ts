// The card file for programs (documented in README, "Card files"): RFC 4180, UTF-8, CRLF line ends. Spreadsheets
// round long digit strings to 15 significant digits, so people get the XLSX instead (xlsx.ts).
import { stringify } from 'csv-stringify/sync';
import type { PrintableCard } from '../sheets/printable-card';
import { cardColumns, type CardFileOptions } from './card-columns';

const BOM = '\uFEFF';

export function csvHeader(options: CardFileOptions): string {
  return `${options.bom ? BOM : ''}${cardColumns(options).map((c) => c.name).join(',')}\r\n`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such a value is
 * written with a leading apostrophe, and quoted: the file is opened by people who click "enable" on anything.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const STRINGIFY = {
  record_delimiter: '\r\n',
  // RFC 4180 quotes a field holding a line break whatever the record delimiter; csv-stringify only quotes the delimiter's.
  quoted_match: /[\r\n]/,
  cast: { string: (value: string) => (FORMULA_START.test(value) ? { value: `'${value}`, quoted: true } : value) },
};

/** The rows of a batch of cards, one per card, each ended by CRLF. */
export function csvRows(cards: readonly PrintableCard[], options: CardFileOptions): string {
  return stringify(
    cards.map((card) => cardColumns(options).map((column) => column.value(card, options))),
    STRINGIFY,
  );
}

/** Any table (a report, the audit log) as CSV text: the same quoting and formula guard as the card file. */
export function csvTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify([header, ...rows].map((r) => r.map((v) => (v === null ? '' : v))), STRINGIFY);
}

/** The whole file as UTF-8 chunks, one per batch of cards, so a big order is never one string in memory. */
export async function* csvChunks(cards: AsyncIterable<PrintableCard[]>, options: CardFileOptions): AsyncGenerator<Uint8Array> {
  const utf8 = new TextEncoder();
  yield utf8.encode(csvHeader(options));
  for await (const batch of cards) {
    if (batch.length > 0) yield utf8.encode(csvRows(batch, options));
  }
}
