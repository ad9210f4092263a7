import type { OrderState } from '../../../../shared/domain';
import type { Db } from '../open-database';

/** One line of one order with what a report needs of its order and account. Never a card's number or PIN. */
export interface ReportLine {
  orderId: number;
  reference: string;
  accountId: string;
  accountName: string;
  provider: string;
  state: OrderState;
  currency: string;
  createdAt: number;
  acceptedAt: number | null;
  settledAt: number | null;
  lineNo: number;
  sku: string;
  productName: string | null;
  faceValueCents: number;
  quantity: number;
  /** Cards of this line in the store. */
  cardsStored: number;
}

interface LineRow {
  order_id: number;
  client_reference: string;
  account_id: string;
  account_name: string;
  provider: string;
  state: OrderState;
  currency: string;
  created_at: number;
  accepted_at: number | null;
  settled_at: number | null;
  line_no: number;
  sku: string;
  product_name: string | null;
  face_value_cents: number;
  quantity: number;
  cards_stored: number;
}

/** Reads for the bookkeeper's reports: order lines by when the order was placed or when the provider accepted it. */
export function createReportsRepo(db: Db) {
  const select = (dateColumn: 'o.created_at' | 'o.accepted_at') =>
    db.prepare<[number | null, number | null, number | null, number | null], LineRow>(
      `SELECT o.id AS order_id, o.client_reference, o.account_id, a.name AS account_name, a.provider, o.state, o.currency,
              o.created_at, o.accepted_at, o.settled_at, l.line_no, l.sku, l.face_value_cents, l.quantity,
              COALESCE(l.product_name, (SELECT c.product_name FROM cards c
                                         WHERE c.order_id = l.order_id AND c.line_id = l.id AND c.product_name IS NOT NULL LIMIT 1)) AS product_name,
              (SELECT COUNT(*) FROM cards c WHERE c.order_id = l.order_id AND c.line_id = l.id) AS cards_stored
         FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN accounts a ON a.id = o.account_id
        WHERE ${dateColumn} IS NOT NULL AND (? IS NULL OR ${dateColumn} >= ?) AND (? IS NULL OR ${dateColumn} < ?)
        ORDER BY ${dateColumn}, o.id, l.line_no`,
    );
  const byPlaced = select('o.created_at');
  const byAccepted = select('o.accepted_at');
  const toLine = (r: LineRow): ReportLine => ({
    orderId: r.order_id,
    reference: r.client_reference,
    accountId: r.account_id,
    accountName: r.account_name,
    provider: r.provider,
    state: r.state,
    currency: r.currency,
    createdAt: r.created_at,
    acceptedAt: r.accepted_at,
    settledAt: r.settled_at,
    lineNo: r.line_no,
    sku: r.sku,
    productName: r.product_name,
    faceValueCents: r.face_value_cents,
    quantity: r.quantity,
    cardsStored: r.cards_stored,
  });
  return {
    /** Lines of orders placed in [from, to) (ms; either end open). */
    placedLines(range: { from?: number; to?: number }): ReportLine[] {
      return byPlaced.all(range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null).map(toLine);
    },
    /** Lines of orders the provider accepted in [from, to), whatever became of them after. */
    acceptedLines(range: { from?: number; to?: number }): ReportLine[] {
      return byAccepted.all(range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null).map(toLine);
    },
  };
}

export type ReportsRepo = ReturnType<typeof createReportsRepo>;
