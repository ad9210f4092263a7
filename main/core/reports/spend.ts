// Spend, as the bookkeeper counts it: the face value of the orders the provider accepted, less what was reversed
// (or cancelled by the provider) after, dated by when the provider accepted the order, in the machine's time zone.
// An order that failed was never debited and is not spend; one still being worked on already was. A sandbox
// account's orders cost nothing and are left out.
import type { OrderState } from '../../../shared/domain';
import type { ReportLine } from '../store/repos/reports';
import { localMonth } from '../../../shared/local-time';
import type { Table } from './table-file';

export const SPEND_DIMENSIONS = ['account', 'product', 'month'] as const;
export type SpendDimension = (typeof SPEND_DIMENSIONS)[number];

/** The provider has the order and has debited (or will debit) the prepaid account for it. */
export const SPEND_STATES: readonly OrderState[] = ['accepted', 'processing', 'fetching', 'complete', 'needs-attention'];

export interface SpendRow {
  account: string | null;
  product: string | null;
  sku: string | null;
  month: string | null;
  currency: string;
  orders: number;
  cards: number;
  acceptedCents: number;
  reversedCents: number;
  spendCents: number;
}

/** Rows grouped by the dimensions asked for (in the order asked, each once) and always by currency: sums never mix them. */
export function spendRows(lines: readonly ReportLine[], by: readonly SpendDimension[]): SpendRow[] {
  const groups = new Map<string, SpendRow & { orderIds: Set<number> }>();
  for (const line of lines) {
    if (line.provider === 'sandbox') continue;
    const reversed = line.state === 'cancelled';
    if (!reversed && !SPEND_STATES.includes(line.state)) continue;
    const account = by.includes('account') ? line.accountName : null;
    const product = by.includes('product') ? (line.productName ?? line.sku) : null;
    const sku = by.includes('product') ? line.sku : null;
    const month = by.includes('month') && line.acceptedAt !== null ? localMonth(line.acceptedAt) : null;
    const key = JSON.stringify([account, sku, month, line.currency]);
    const row = groups.get(key) ?? { account, product, sku, month, currency: line.currency, orders: 0, cards: 0, acceptedCents: 0, reversedCents: 0, spendCents: 0, orderIds: new Set<number>() };
    const value = line.faceValueCents * line.quantity;
    row.orderIds.add(line.orderId);
    row.orders = row.orderIds.size;
    row.cards += line.quantity;
    row.acceptedCents += value;
    if (reversed) row.reversedCents += value;
    row.spendCents = row.acceptedCents - row.reversedCents;
    groups.set(key, row);
  }
  const order = (r: SpendRow) => by.map((d) => (d === 'product' ? `${r.product}\u0000${r.sku}` : (r[d] ?? ''))).concat(r.currency);
  return [...groups.values()]
    .map(({ orderIds: _ids, ...row }) => row)
    .sort((a, b) => {
      const ka = order(a);
      const kb = order(b);
      for (let i = 0; i < ka.length; i++) {
        const c = ka[i]!.localeCompare(kb[i]!);
        if (c !== 0) return c;
      }
      return 0;
    });
}

/** The rows as a file's table: the dimensions asked for first, then the figures. */
export function spendTable(rows: readonly SpendRow[], by: readonly SpendDimension[]): Table {
  const dims = by.flatMap((d) => (d === 'product' ? (['product', 'sku'] as const) : [d]));
  return {
    sheet: 'Spend',
    columns: [
      ...dims.map((d) => ({ name: d, kind: 'text' as const, width: d === 'product' || d === 'account' ? 28 : 14 })),
      { name: 'currency', kind: 'text' },
      { name: 'orders', kind: 'count' },
      { name: 'cards', kind: 'count' },
      { name: 'accepted', kind: 'money' },
      { name: 'reversed', kind: 'money' },
      { name: 'spend', kind: 'money' },
    ],
    rows: rows.map((r) => [...dims.map((d) => r[d]), r.currency, r.orders, r.cards, r.acceptedCents, r.reversedCents, r.spendCents]),
  };
}
