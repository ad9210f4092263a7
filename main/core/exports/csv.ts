// The card file format (documented in README, "Card files (CSV)"): RFC 4180, UTF-8, CRLF line ends.
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

export function csvRow(card: PrintableCard, options: CsvOptions): string {
  return (
    [
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
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
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
export async function* csvChunks(cards: AsyncIterable<PrintableCard[]>, options: CsvOptions): AsyncGenerator<Uint8Array> {
  const utf8 = new TextEncoder();
  yield utf8.encode(csvHeader(options));
  for await (const batch of cards) {
    if (batch.length > 0) yield utf8.encode(batch.map((c) => csvRow(c, options)).join(''));
  }
}
