// The order history for accounting: one row per order line, with its order, so the line totals of an order add up
// to what was ordered. Card numbers and PINs are never in it; only how many cards of the line are in the store.
import type { ReportLine } from '../store/repos/reports';
import { localTimestamp } from '../../../shared/local-time';
import type { Table } from './table-file';

export function orderHistoryTable(lines: readonly ReportLine[]): Table {
  const when = (ms: number | null) => (ms === null ? null : localTimestamp(ms));
  return {
    sheet: 'Orders',
    columns: [
      { name: 'order', kind: 'count', width: 8 },
      { name: 'reference', kind: 'text', width: 34 },
      { name: 'account', kind: 'text', width: 24 },
      { name: 'provider', kind: 'text' },
      { name: 'state', kind: 'text', width: 16 },
      { name: 'placed', kind: 'text', width: 28 },
      { name: 'accepted', kind: 'text', width: 28 },
      { name: 'settled', kind: 'text', width: 28 },
      { name: 'line', kind: 'count', width: 6 },
      { name: 'sku', kind: 'text', width: 18 },
      { name: 'product', kind: 'text', width: 28 },
      { name: 'face_value', kind: 'money' },
      { name: 'quantity', kind: 'count' },
      { name: 'line_total', kind: 'money' },
      { name: 'currency', kind: 'text', width: 9 },
      { name: 'cards_stored', kind: 'count', width: 13 },
    ],
    rows: lines.map((l) => [
      l.orderId,
      l.reference,
      l.accountName,
      l.provider,
      l.state,
      when(l.createdAt),
      when(l.acceptedAt),
      when(l.settledAt),
      l.lineNo,
      l.sku,
      l.productName,
      l.faceValueCents,
      l.quantity,
      l.faceValueCents * l.quantity,
      l.currency,
      l.cardsStored,
    ]),
  };
}
