// The card file for programs (documented in README, "Card files"): RFC 4180, UTF-8, CRLF line ends. Spreadsheets
// round long digit strings to 15 significant digits, so people get the XLSX instead (xlsx.ts).
import type { PrintableCard } from '../sheets/printable-card';
import { CARD_COLUMN_NAMES, CARD_COLUMNS, type CardFileOptions } from './card-columns';

const BOM = '\uFEFF';

export function csvHeader(options: CardFileOptions): string {
  return `${options.bom ? BOM : ''}${CARD_COLUMN_NAMES.join(',')}\r\n`;
}

export function csvRow(card: PrintableCard, options: CardFileOptions): string {
  return CARD_COLUMNS.map((column) => csvCell(column.value(card, options))).join(',') + '\r\n';
}

/**
 * One RFC 4180 field. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
 * so such a value is prefixed with an apostrophe: the file is opened by people who click "enable" on anything.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file as UTF-8 chunks, one per batch of cards, so a big order is never one string in memory. */
export async function* csvChunks(cards: AsyncIterable<PrintableCard[]>, options: CardFileOptions): AsyncGenerator<Uint8Array> {
  const utf8 = new TextEncoder();
  yield utf8.encode(csvHeader(options));
  for await (const batch of cards) {
    if (batch.length > 0) yield utf8.encode(batch.map((c) => csvRow(c, options)).join(''));
  }
}
