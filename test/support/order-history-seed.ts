import type { Db } from '../../main/core/store/open-database';
import { ORDER_STATES, type OrderState } from '../../shared/domain';

export interface SeededOrder {
  id: number;
  accountId: string;
  reference: string;
  name: string | null;
  memo: string | null;
  state: OrderState;
  createdAt: number;
  totalCents: number;
  quantity: number;
  currency: string;
  product: string;
  sku: string;
}

const PRODUCTS = [
  { sku: 'WWQ651BHNWSH', name: 'Woolworths eGift Card' },
  { sku: 'BIGW100SBX', name: 'BIG W eGift Card' },
  { sku: 'WWMOVIESBX', name: 'Movie Night eGift Card' },
];
const NAMES = ['Staff party', 'Volunteers', 'Christmas raffle', 'Client thanks', null, null, null];

/** A small fixed-seed generator, so a seeded history is the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A year of orders written straight into the store in one transaction (as the bench seeds its audit log): each
 * with its one line, a state, a date spread over the year before `now`, some with names and memos, the unsettled
 * ones with a next check within the hour after `now`. The order
 * engine never sees them, so nothing is sent anywhere. Returns what was written, to compare the history against.
 */
export function seedOrderHistory(db: Db, accounts: readonly { id: string; currency: string }[], count: number, options: { now?: number; seed?: number; states?: readonly OrderState[] } = {}): SeededOrder[] {
  const now = options.now ?? Date.now();
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const states = options.states ?? ORDER_STATES.filter((s) => s !== 'draft' && s !== 'submitting');
  const insertOrder = db.prepare(
    `INSERT INTO orders (account_id, client_reference, state, quantity, face_value_cents, total_cents, currency, created_at, updated_at, realtime, name, memo, state_reason, accepted_at, settled_at, next_poll_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = db.prepare('INSERT INTO order_lines (order_id, line_no, sku, product_name, face_value_cents, quantity) VALUES (?, 1, ?, ?, ?, ?)');
  const seeded: SeededOrder[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const account = pick(accounts);
      const product = pick(PRODUCTS);
      const state = pick(states);
      // Whole minutes, and a few orders at the very same minute: ties are where keyset pages go wrong.
      const createdAt = i % 10 === 9 ? seeded[i - 1]!.createdAt : now - Math.floor(random() * 365 * 24 * 60) * 60_000;
      const face = pick([500, 1000, 2500, 5000, 10_000]);
      const quantity = 1 + Math.floor(random() * 40);
      const name = pick(NAMES);
      const memo = name && random() < 0.5 ? `Asked for by ${pick(['Jo', 'Sam', 'Priya'])}` : null;
      const reference = `gd-${new Date(createdAt).toISOString().replace(/\D/g, '').slice(0, 14)}-${String(i).padStart(20, '0')}`;
      const reason = state === 'failed' ? 'The provider refused the order: Insufficient balance (code 6063).' : state === 'needs-attention' ? 'Giftdesk could not confirm what happened to this order.' : null;
      const settled = ['complete', 'failed', 'cancelled', 'needs-attention'].includes(state) ? createdAt + 60_000 : null;
      const id = Number(
        insertOrder.run(account.id, reference, state, quantity, face, face * quantity, account.currency, createdAt, createdAt, name, memo, reason, state === 'failed' ? null : createdAt + 1_000, settled, settled === null ? now + Math.floor(random() * 3_600) * 1_000 : null)
          .lastInsertRowid,
      );
      insertLine.run(id, product.sku, product.name, face, quantity);
      seeded.push({ id, accountId: account.id, reference, name, memo, state, createdAt, totalCents: face * quantity, quantity, currency: account.currency, product: product.name, sku: product.sku });
    }
  })();
  return seeded;
}
