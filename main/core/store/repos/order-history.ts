import type { Order, OrderState } from '../../../../shared/domain';
import type { Db } from '../open-database';

export const HISTORY_SORTS = ['date', 'value', 'state'] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];

/** What the order history shows: every field is optional, and all given ones must hold. */
export interface HistoryFilter {
  /** Words of the reference, name, memo or a line's product (name or SKU); "#81" or "81" finds order 81 too. */
  search?: string;
  states?: readonly OrderState[];
  accountId?: string;
  /** Placed at or after `from`, before `to` (ms). */
  from?: number;
  to?: number;
}

/** Where a page ends in its sort: the sort key's values of its last row, handed back for the next page. */
export type HistoryCursor = number[];

/** An order as a row of the history: what the table shows of it, and its first product. */
export type HistoryRow = Pick<Order, 'id' | 'accountId' | 'clientReference' | 'name' | 'memo' | 'state' | 'stateReason' | 'quantity' | 'totalCents' | 'currency' | 'createdAt' | 'nextPollAt' | 'lastError'> & {
  accountName: string | null;
  cardsStored: number;
  /** The first line's product (its name, else its SKU), and how many lines the order has. */
  product: string;
  lines: number;
};

export interface HistoryTotals {
  orders: number;
  cards: number;
  /** Face value per currency: orders of several currencies are never summed into one figure. */
  byCurrency: { currency: string; orders: number; totalCents: number }[];
}

/**
 * The order that needs a person comes first in the state sort (ascending): then failed, then the ones on their way,
 * then the settled ones. Every state has a rank, so the sort is total.
 */
const STATE_RANK: Record<OrderState, number> = {
  'needs-attention': 0,
  failed: 1,
  submitting: 2,
  accepted: 3,
  processing: 4,
  fetching: 5,
  draft: 6,
  complete: 7,
  cancelled: 8,
};
const RANK_SQL = `CASE o.state ${Object.entries(STATE_RANK).map(([s, r]) => `WHEN '${s}' THEN ${r}`).join(' ')} END`;

/**
 * Each sort as the expressions it orders by, the last always the id so that no two rows tie and a page starts exactly
 * where the one before ended. The state sort shows the newest first within a state: those keys are negated so one
 * direction serves the whole tuple (and the row-value comparison of the keyset stays one comparison).
 */
const SORT_KEYS: Record<HistorySort, readonly string[]> = {
  date: ['o.created_at', 'o.id'],
  value: ['o.total_cents', 'o.id'],
  state: [RANK_SQL, '-o.created_at', '-o.id'],
};

interface Row {
  id: number;
  account_id: string;
  account_name: string | null;
  client_reference: string;
  name: string | null;
  memo: string | null;
  state: OrderState;
  state_reason: string | null;
  quantity: number;
  total_cents: number;
  currency: string;
  created_at: number;
  next_poll_at: number | null;
  last_error: string | null;
  cards_stored: number;
  product: string;
  lines: number;
  [key: `k${number}`]: number;
}

/** LIKE's own characters taken as themselves. */
const likeTerm = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(filter: HistoryFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const search = filter.search?.trim();
  if (search) {
    params['term'] = likeTerm(search);
    const byId = /^#?(\d{1,12})$/.exec(search);
    if (byId) params['orderId'] = Number(byId[1]);
    parts.push(
      `(o.client_reference LIKE @term ESCAPE '\\' OR o.name LIKE @term ESCAPE '\\' OR o.memo LIKE @term ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND (l.sku LIKE @term ESCAPE '\\' OR l.product_name LIKE @term ESCAPE '\\'))
        ${byId ? 'OR o.id = @orderId' : ''})`,
    );
  }
  if (filter.states && filter.states.length > 0) {
    filter.states.forEach((s, i) => (params[`state${i}`] = s));
    parts.push(`o.state IN (${filter.states.map((_, i) => `@state${i}`).join(', ')})`);
  }
  if (filter.accountId !== undefined) {
    params['accountId'] = filter.accountId;
    parts.push('o.account_id = @accountId');
  }
  if (filter.from !== undefined) {
    params['from'] = filter.from;
    parts.push('o.created_at >= @from');
  }
  if (filter.to !== undefined) {
    params['to'] = filter.to;
    parts.push('o.created_at < @to');
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

function toRow(r: Row): HistoryRow {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    clientReference: r.client_reference,
    name: r.name,
    memo: r.memo,
    state: r.state,
    stateReason: r.state_reason,
    quantity: r.quantity,
    totalCents: r.total_cents,
    currency: r.currency,
    createdAt: r.created_at,
    nextPollAt: r.next_poll_at,
    lastError: r.last_error,
    cardsStored: r.cards_stored,
    product: r.product,
    lines: r.lines,
  };
}

/**
 * The order history: pages in any sort by keyset (the sort key's values of the last row, never an offset, so the
 * 1,000th order costs what the first does), and the totals of the same filter counted in SQL.
 */
export function createOrderHistoryRepo(db: Db) {
  return {
    page(filter: HistoryFilter, sort: HistorySort, direction: 'asc' | 'desc', after: HistoryCursor | null, limit: number): { rows: HistoryRow[]; next: HistoryCursor | null } {
      const keys = SORT_KEYS[sort];
      const { sql, params } = where(filter);
      let keyset = '';
      if (after) {
        keys.forEach((_, i) => (params[`after${i}`] = after[i]));
        keyset = ` AND (${keys.join(', ')}) ${direction === 'desc' ? '<' : '>'} (${keys.map((_, i) => `@after${i}`).join(', ')})`;
      }
      params['limit'] = limit + 1;
      const rows = db
        .prepare<Record<string, unknown>, Row>(
          `SELECT o.id, o.account_id, a.name AS account_name, o.client_reference, o.name, o.memo, o.state, o.state_reason,
                  o.quantity, o.total_cents, o.currency, o.created_at, o.next_poll_at, o.last_error,
                  (SELECT COUNT(*) FROM cards c WHERE c.order_id = o.id) AS cards_stored,
                  (SELECT COALESCE(l.product_name, l.sku) FROM order_lines l WHERE l.order_id = o.id ORDER BY l.line_no LIMIT 1) AS product,
                  (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS lines,
                  ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}
             FROM orders o LEFT JOIN accounts a ON a.id = o.account_id
            WHERE ${sql}${keyset}
            ORDER BY ${keys.map((k) => `${k} ${direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}
            LIMIT @limit`,
        )
        .all(params);
      const more = rows.length > limit;
      const shown = more ? rows.slice(0, limit) : rows;
      const last = shown.at(-1);
      return { rows: shown.map(toRow), next: more && last ? keys.map((_, i) => last[`k${i}`]!) : null };
    },
    totals(filter: HistoryFilter): HistoryTotals {
      const { sql, params } = where(filter);
      const groups = db
        .prepare<Record<string, unknown>, { currency: string; orders: number; cards: number; total: number }>(
          `SELECT o.currency, COUNT(*) AS orders, SUM(o.quantity) AS cards, SUM(o.total_cents) AS total
             FROM orders o WHERE ${sql} GROUP BY o.currency ORDER BY o.currency`,
        )
        .all(params);
      return {
        orders: groups.reduce((n, g) => n + g.orders, 0),
        cards: groups.reduce((n, g) => n + g.cards, 0),
        byCurrency: groups.map((g) => ({ currency: g.currency, orders: g.orders, totalCents: g.total })),
      };
    },
  };
}

export type OrderHistoryRepo = ReturnType<typeof createOrderHistoryRepo>;
