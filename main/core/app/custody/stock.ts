import { CUSTODY_STATES, type CustodyState } from '../../../../shared/custody-state-machine';
import type { AppDeps } from '../app-deps';
import { accountFacts } from './handout-views';

/** The windows "expiring soon" is counted over, in days. */
export const EXPIRY_HORIZONS = [30, 60, 90] as const;

/** One product at one face value, of one account: how many cards are in each custody state. */
export interface StockLine {
  accountId: string;
  accountName: string;
  sandbox: boolean;
  currency: string;
  sku: string;
  productName: string | null;
  amountCents: number;
  counts: Record<CustodyState, number>;
  /** Every card stored of it: the sum of the counts. */
  stored: number;
  /** In stock but printed or exported before outside a hand-out: not taken into hand-outs until released. */
  heldBack: number;
  /** In stock and expiring within 30, 60 and 90 days (already expired included). */
  expiring: Record<(typeof EXPIRY_HORIZONS)[number], number>;
}

/**
 * Stock at a glance: counts by account × product × face value × custody state, and what in stock expires soon. Read
 * from the custody table's own index, so it stays quick at 100,000 cards; a command of its own for any screen to call.
 */
export function stockSummary(deps: AppDeps): { lines: StockLine[]; horizons: readonly number[] } {
  const today = new Date(deps.clock.now());
  const horizons = EXPIRY_HORIZONS.map((days) => localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days)));
  const facts = accountFacts(deps);
  const lines = new Map<string, StockLine>();
  for (const row of deps.custody.stock(horizons)) {
    const key = `${row.accountId}\u0000${row.sku}\u0000${row.amountCents}`;
    let line = lines.get(key);
    if (!line) {
      const account = facts(row.accountId);
      line = {
        accountId: row.accountId,
        accountName: account.name,
        sandbox: account.sandbox,
        currency: account.currency,
        sku: row.sku,
        productName: deps.cards.get(row.sampleCardId)?.productName ?? null,
        amountCents: row.amountCents,
        counts: Object.fromEntries(CUSTODY_STATES.map((s) => [s, 0])) as Record<CustodyState, number>,
        stored: 0,
        heldBack: 0,
        expiring: { 30: 0, 60: 0, 90: 0 },
      };
      lines.set(key, line);
    }
    line.counts[row.state] += row.cards;
    line.stored += row.cards;
    line.heldBack += row.heldBack;
    EXPIRY_HORIZONS.forEach((days, i) => (line.expiring[days] += row.expiring[i]!));
  }
  const sorted = [...lines.values()].sort((a, b) => a.accountName.localeCompare(b.accountName) || a.sku.localeCompare(b.sku) || a.amountCents - b.amountCents);
  return { lines: sorted, horizons: EXPIRY_HORIZONS };
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
