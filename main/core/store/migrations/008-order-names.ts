import type { Migration } from './types';

/**
 * Orders a person can tell apart: a name and a memo of their own (a generated reference says nothing), and the
 * indexes the order history's keyset pages and filters read: by date, by value and by state, each ending in the id
 * so a page starts exactly where the last one ended, and by account and date for the account filter.
 */
export const orderNames: Migration = {
  version: 8,
  name: 'orders: a name and a memo, and the indexes of the order history (date, value, state, account)',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN name TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 80);
      ALTER TABLE orders ADD COLUMN memo TEXT CHECK (memo IS NULL OR length(memo) BETWEEN 1 AND 1000);
      CREATE INDEX orders_by_created ON orders (created_at, id);
      CREATE INDEX orders_by_total ON orders (total_cents, id);
      CREATE INDEX orders_by_state ON orders (state, created_at, id);
      CREATE INDEX orders_by_account ON orders (account_id, created_at, id);
    `);
  },
};
