// The columns of a card file (README, "Card files"), in order, in one place: the CSV and the XLSX writers both read
// this list, so a column added here (a later one goes between `url` and `sandbox`) reaches every format at once. A
// recipient list's file has the recipient's three columns after all of these (a mail merge reads them by name).
import { formatCents } from '../../../shared/money';
import type { PrintableCard } from '../sheets/printable-card';

/** What every row of one file shares: the order's reference and currency, and whether its cards are sandbox cards. */
export interface CardFileOptions {
  orderReference: string;
  currency: string;
  /** Cards of a sandbox account are worth nothing; the `sandbox` column says so on every row. */
  sandbox: boolean;
  /** CSV only: start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8. */
  bom?: boolean;
  /** The cards of a recipient list: add recipient_name, recipient_contact, recipient_reference. */
  recipientColumns?: boolean;
}

export interface CardColumn {
  name: string;
  value(card: PrintableCard, file: CardFileOptions): string | null;
  /** A money amount: a number cell in a spreadsheet (two decimals), a dotted decimal in the CSV. */
  amount?: true;
}

export const CARD_COLUMNS: readonly CardColumn[] = [
  { name: 'order_reference', value: (c, f) => c.orderReference ?? f.orderReference },
  { name: 'product', value: (c) => c.productName },
  { name: 'sku', value: (c) => c.sku },
  { name: 'card_number', value: (c) => c.number },
  { name: 'pin', value: (c) => c.pin },
  { name: 'amount', value: (c) => formatCents(c.amountCents), amount: true },
  { name: 'currency', value: (c, f) => c.currency ?? f.currency },
  { name: 'expiry', value: (c) => c.expiry },
  { name: 'barcode', value: (c) => c.barcode },
  { name: 'url', value: (c) => c.url },
  { name: 'activation_code', value: (c) => c.activationCode },
  { name: 'sandbox', value: (c, f) => ((c.sandbox ?? f.sandbox) ? 'yes' : '') },
];

export const RECIPIENT_COLUMNS: readonly CardColumn[] = [
  { name: 'recipient_name', value: (c) => c.recipient?.name ?? null },
  { name: 'recipient_contact', value: (c) => c.recipient?.contact ?? null },
  { name: 'recipient_reference', value: (c) => c.recipient?.reference ?? null },
];

/** The columns of one file, in order. */
export function cardColumns(file: CardFileOptions): readonly CardColumn[] {
  return file.recipientColumns ? [...CARD_COLUMNS, ...RECIPIENT_COLUMNS] : CARD_COLUMNS;
}
