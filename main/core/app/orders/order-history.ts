import { ORDER_STATES, type OrderState } from '../../../../shared/domain';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import { dayRange } from '../../reports/date-range';
import { HISTORY_SORTS, type HistoryCursor, type HistoryRow, type HistorySort, type HistoryTotals } from '../../store/repos/order-history';
import type { AppDeps } from '../app-deps';

/** A query as a front door gives it: days as YYYY-MM-DD (this machine's, both included). */
export interface HistoryQuery {
  search?: string;
  states?: readonly OrderState[];
  accountId?: string;
  from?: string | null;
  to?: string | null;
  sort?: HistorySort;
  direction?: 'asc' | 'desc';
  /** The `next` of the page before; absent for the first page. */
  after?: HistoryCursor | null;
  limit?: number;
}

export interface HistoryPage {
  rows: HistoryRow[];
  /** Hand it back as `after` for the next page; null: this was the last. */
  next: HistoryCursor | null;
  /** Of everything the filter picks, not only this page. */
  totals: HistoryTotals;
}

export const HISTORY_PAGE_MAX = 500;

/** One page of the order history in the sort asked for (newest first unless asked otherwise), and its filter's totals. */
export function orderHistory(deps: AppDeps, _actor: Actor, query: HistoryQuery = {}): HistoryPage {
  const sort = query.sort ?? 'date';
  if (!HISTORY_SORTS.includes(sort)) throw new ValidationError('sort', `Sort by ${HISTORY_SORTS.join(', ')}.`);
  const unknown = (query.states ?? []).find((s) => !ORDER_STATES.includes(s));
  if (unknown) throw new ValidationError('state', `"${unknown}" is not a state of an order; the states are ${ORDER_STATES.join(', ')}.`);
  if (query.after && (query.after.length !== (sort === 'state' ? 3 : 2) || query.after.some((v) => !Number.isSafeInteger(v)))) {
    throw new ValidationError('after', 'That page marker belongs to another sort; start again from the first page.');
  }
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 100)), HISTORY_PAGE_MAX);
  const filter = { search: query.search, states: query.states, accountId: query.accountId, ...dayRange(query.from, query.to) };
  return {
    ...deps.orderHistory.page(filter, sort, query.direction ?? (sort === 'state' ? 'asc' : 'desc'), query.after ?? null, limit),
    totals: deps.orderHistory.totals(filter),
  };
}
