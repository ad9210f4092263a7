import type { Card, Order } from '../../shared/domain';
import { mustRun } from './tools';

/** A CSV file read by Python's csv module: an independent RFC 4180 reader, not ours. */
export function readCsv(file: string): string[][] {
  const script = "import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))))";
  return JSON.parse(mustRun('python3', ['-c', script, file])) as string[][];
}

/** The amount column as the README describes it (units with two decimals), for the face values the test cards carry. */
const AMOUNT_TEXT: Record<number, string> = { 1: '0.01', 2500: '25.00', 5050: '50.50' };

function amountText(cents: number): string {
  const text = AMOUNT_TEXT[cents];
  if (text === undefined) throw new Error(`No expected amount text for ${cents} cents: add it to AMOUNT_TEXT.`);
  return text;
}

/** The columns of the README's table, in its order; `activation_code` and `sandbox` come after its ten. */
export const README_COLUMNS = ['order_reference', 'product', 'sku', 'card_number', 'pin', 'amount', 'currency', 'expiry', 'barcode', 'url', 'activation_code', 'sandbox'];

/** The rows the README promises for these stored cards (of a real account unless `sandbox`). */
export function expectedRows(order: Order, cards: Card[], sandbox = false): string[][] {
  return [
    README_COLUMNS,
    ...cards.map((c) => [
      order.clientReference,
      c.productName ?? '',
      c.sku ?? '',
      c.number ?? '',
      c.pin ?? '',
      amountText(c.amountCents),
      order.currency,
      c.expiry ?? '',
      c.barcode ?? '',
      c.url ?? '',
      c.activationCode ?? '',
      sandbox ? 'yes' : '',
    ]),
  ];
}
