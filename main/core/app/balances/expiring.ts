import { formatMoney } from '../../../../shared/money';
import { formatExpiry } from '../../../../shared/expiry';
import { dateOf } from '../../../../shared/balance-reading';
import type { AppDeps } from '../app-deps';
import { accountFacts } from '../custody/handout-views';
import { cardBalances, type CardBalanceView } from './card-balances';

export const EXPIRY_HORIZONS = [30, 60, 90] as const;
export type ExpiryHorizon = (typeof EXPIRY_HORIZONS)[number];

export interface ExpiringGroup {
  cards: number;
  values: { currency: string; cents: number }[];
  list: (CardBalanceView & { sku: string; handoutId: number | null })[];
}

/** Cards that expire within `days` from today, in stock and issued apart, soonest first. */
export function expiringCards(deps: AppDeps, days: ExpiryHorizon): { from: string; until: string; inStock: ExpiringGroup; issued: ExpiringGroup } {
  const now = deps.clock.now();
  const from = dateOf(now);
  const until = dateOf(now + days * 86_400_000);
  const rows = deps.balances.expiring(from, until);
  const views = new Map(cardBalances(deps, rows.map((r) => r.cardId)).map((v) => [v.cardId, v]));
  const group = (state: 'in-stock' | 'issued'): ExpiringGroup => {
    const list = rows.filter((r) => r.state === state).map((r) => ({ ...views.get(r.cardId)!, sku: r.sku, handoutId: r.handoutId }));
    return { cards: list.length, values: sumByCurrency(list), list };
  };
  return { from, until, inStock: group('in-stock'), issued: group('issued') };
}

function sumByCurrency(list: readonly { currency: string; amountCents: number }[]): { currency: string; cents: number }[] {
  const sums = new Map<string, number>();
  for (const c of list) sums.set(c.currency, (sums.get(c.currency) ?? 0) + c.amountCents);
  return [...sums].map(([currency, cents]) => ({ currency, cents }));
}

/**
 * The once-a-day notice about stock that expires within 30 days, naming no card: "42 cards worth A$1,050.00 expire
 * before 1 Jan 2027: hand them out first". Null when none does, or when it was given today already (by any process).
 */
export function expiryNotice(deps: AppDeps): { title: string; body: string } | null {
  const now = deps.clock.now();
  const soon = deps.balances.expiring(dateOf(now), dateOf(now + 30 * 86_400_000)).filter((r) => r.state === 'in-stock');
  if (soon.length === 0) return null;
  if (!deps.balances.firstNoticeOf(dateOf(now), now)) return null;
  const facts = accountFacts(deps);
  const worth = sumByCurrency(soon.map((r) => ({ currency: facts(r.accountId).currency, amountCents: r.amountCents })))
    .map((v) => formatMoney(v.cents, v.currency))
    .join(' and ');
  const before = formatExpiry(dateOf(now + 31 * 86_400_000));
  const cards = soon.length === 1 ? '1 card' : `${soon.length} cards`;
  return { title: 'Stock expiring soon', body: `${cards} worth ${worth} ${soon.length === 1 ? 'expires' : 'expire'} before ${before}: hand them out first.` };
}
