// The card file format (documented in README, "Card files (CSV)"): RFC 4180, UTF-8, CRLF line ends, written by
// csv-stringify with the formula guard on top.
import { stringify } from 'csv-stringify/sync';
import { formatCents } from '../../../shared/money';
import type { PrintableCard } from '../sheets/printable-card';

export interface CsvOptions {
  orderReference: string;
  currency: string;
  /** Start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8. */
  bom?: boolean;
}

export const CSV_COLUMNS = ['order_reference', 'product', 'sku', 'card_number', 'pin', 'amount', 'currency', 'expiry', 'barcode', 'url'] as const;

const BOM = '\uFEFF';

export function csvHeader(options: CsvOptions): string {
  return `${options.bom ? BOM : ''}${CSV_COLUMNS.join(',')}\r\n`;
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
export function csvRows(cards: readonly PrintableCard[], options: CsvOptions): string {
  return stringify(
    cards.map((card) => [
      options.orderReference,
      card.productName,
      card.sku,
      card.number,
      card.pin,
      formatCents(card.amountCents),
      options.currency,
      card.expiry,
      card.barcode,
      card.url,
    ]),
    STRINGIFY,
  );
}

/** The whole file as UTF-8 chunks, one per batch of cards, so a big order is never one string in memory. */
export async function* csvChunks(cards: AsyncIterable<PrintableCard[]>, options: CsvOptions): AsyncGenerator<Uint8Array> {
  const utf8 = new TextEncoder();
  yield utf8.encode(csvHeader(options));
  for await (const batch of cards) {
    if (batch.length > 0) yield utf8.encode(csvRows(batch, options));
  }
}
