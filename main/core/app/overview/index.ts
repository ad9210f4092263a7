import { localDay } from '../../../../shared/local-time';
import type { OrderState } from '../../../../shared/domain';
import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { stockSummary } from '../custody/stock';
import { reportCommands } from '../reports';
import { settingOf } from '../settings';

/** An order the overview points at: enough to name it and say why, one click from its page. */
export interface OrderPointer {
  id: number;
  reference: string;
  /** The name a person gave it, if any: how it is named wherever it is shown. */
  name: string | null;
  accountName: string;
  state: OrderState;
  reason: string | null;
  quantity: number;
  totalCents: number;
  currency: string;
  updatedAt: number;
}

/** Money and cards of one currency: sums never mix currencies. */
export interface CurrencyFigure {
  currency: string;
  cents: number;
  cards: number;
}

export interface SpendFigure {
  /** The days counted, YYYY-MM-DD in this machine's time zone, both included. */
  from: string;
  to: string;
  /** Per currency, as the spend report counts it (sandbox accounts cost nothing and are left out). */
  spend: (CurrencyFigure & { orders: number })[];
}

export interface Overview {
  /** Whether any order was ever placed: without one the first-run guide comes first. */
  hasOrders: boolean;
  /** The low-balance threshold of the Settings page (cents in each account's currency); null: no warning. */
  lowBalanceCents: number | null;
  month: SpendFigure;
  quarter: SpendFigure;
  /** Orders a person must look at, newest first (the first few), and how many in all. */
  needsAttention: { count: number; first: OrderPointer[] };
  /** Orders that failed in the last 30 days, newest first. */
  failed: { count: number; first: OrderPointer[] };
  /** Live and test cards in stock and, of them, those that expire within 30 days (already expired included), per currency. */
  inStock: CurrencyFigure[];
  expiringSoon: CurrencyFigure[];
  /** Sandbox cards in stock, counted apart: play money is never summed with real money. */
  sandboxInStock: number;
}

const SHOWN = 5;
const FAILED_WITHIN_DAYS = 30;

/**
 * What the app opens on, from the queries the reports, custody and orders already have: spend as the spend report
 * counts it, stock and expiring as the stock command counts them. Local reads only; the prepaid balances are the
 * providers' to tell (accounts.balance), each asked apart so a slow provider holds up nothing here.
 */
export function overviewQuery(deps: AppDeps) {
  const reports = reportCommands(deps);
  return (actor: Actor): Overview => {
    const now = deps.clock.now();
    const today = new Date(now);
    const monthStart = new Date(today.getFullYear(), today.getMonth(), 1);
    const quarterStart = new Date(today.getFullYear(), today.getMonth() - (today.getMonth() % 3), 1);
    const spendSince = (start: Date): SpendFigure => {
      const from = localDay(start.getTime());
      const to = localDay(now);
      // The report's own rows (by account and month: each order in exactly one), summed per currency.
      const sums = new Map<string, CurrencyFigure & { orders: number }>();
      for (const r of reports.spend(actor, { from, to, by: ['account'] }).rows) {
        const sum = sums.get(r.currency) ?? { currency: r.currency, cents: 0, cards: 0, orders: 0 };
        sum.cents += r.spendCents;
        sum.cards += r.cards;
        sum.orders += r.orders;
        sums.set(r.currency, sum);
      }
      return { from, to, spend: [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
    };

    const accounts = new Map(deps.accounts.list().map((a) => [a.id, a]));
    const orders = deps.orders.list();
    const pointer = (o: (typeof orders)[number]): OrderPointer => ({
      id: o.id,
      reference: o.clientReference,
      name: o.name,
      accountName: accounts.get(o.accountId)?.name ?? 'Removed account',
      state: o.state,
      reason: o.stateReason,
      quantity: o.quantity,
      totalCents: o.totalCents,
      currency: o.currency,
      updatedAt: o.updatedAt,
    });
    const attention = orders.filter((o) => o.state === 'needs-attention');
    const failed = orders.filter((o) => o.state === 'failed' && o.updatedAt >= now - FAILED_WITHIN_DAYS * 86_400_000);

    const stock = stockSummary(deps).lines;
    const live = stock.filter((l) => !l.sandbox);
    const byCurrency = (count: (l: (typeof stock)[number]) => number): CurrencyFigure[] => {
      const sums = new Map<string, CurrencyFigure>();
      for (const line of live) {
        const cards = count(line);
        if (cards === 0) continue;
        const sum = sums.get(line.currency) ?? { currency: line.currency, cents: 0, cards: 0 };
        sum.cards += cards;
        sum.cents += cards * line.amountCents;
        sums.set(line.currency, sum);
      }
      return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
    };

    return {
      hasOrders: orders.length > 0,
      lowBalanceCents: settingOf(deps, 'lowBalanceCents'),
      month: spendSince(monthStart),
      quarter: spendSince(quarterStart),
      needsAttention: { count: attention.length, first: attention.slice(0, SHOWN).map(pointer) },
      failed: { count: failed.length, first: failed.slice(0, SHOWN).map(pointer) },
      inStock: byCurrency((l) => l.counts['in-stock']),
      expiringSoon: byCurrency((l) => l.expiring[30]),
      sandboxInStock: stock.filter((l) => l.sandbox).reduce((n, l) => n + l.counts['in-stock'], 0),
    };
  };
}
