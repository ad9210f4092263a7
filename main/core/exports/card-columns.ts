// The columns of a card file (README, "Card files"), in order, in one place: the CSV and the XLSX writers both read
// this list, so a column added here (a later one goes between `url` and `sandbox`) reaches every format at once.
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
}

export interface CardColumn {
  name: string;
  value(card: PrintableCard, file: CardFileOptions): string | null;
  /** A money amount: a number cell in a spreadsheet (two decimals), a dotted decimal in the CSV. */
  amount?: true;
}

export const CARD_COLUMNS: readonly CardColumn[] = [
  { name: 'order_reference', value: (_, f) => f.orderReference },
  { name: 'product', value: (c) => c.productName },
  { name: 'sku', value: (c) => c.sku },
  { name: 'card_number', value: (c) => c.number },
  { name: 'pin', value: (c) => c.pin },
  { name: 'amount', value: (c) => formatCents(c.amountCents), amount: true },
  { name: 'currency', value: (_, f) => f.currency },
  { name: 'expiry', value: (c) => c.expiry },
  { name: 'barcode', value: (c) => c.barcode },
  { name: 'url', value: (c) => c.url },
  { name: 'activation_code', value: (c) => c.activationCode },
  { name: 'sandbox', value: (_, f) => (f.sandbox ? 'yes' : '') },
];

export const CARD_COLUMN_NAMES = CARD_COLUMNS.map((c) => c.name);
