import type { Migration } from './types';

/**
 * The Cards table's three orders (by date, value and expiry, either way) and its keyset pages: each index ends in the
 * card's id, the tie-breaker, so a page starting after any card reads the index from there instead of sorting 250,000
 * cards. Search by last digits reads the last-four index and sorts its few matches.
 */
export const cardSort: Migration = {
  version: 9,
  name: 'indexes for the cards table: by date, value and expiry',
  up(db) {
    db.exec(`
      CREATE INDEX cards_by_stored_at ON cards (stored_at, id);
      CREATE INDEX cards_by_amount ON cards (amount_cents, id);
      -- By the date part of the expiry (custody reads it the same way); a card without one sorts after every dated one.
      CREATE INDEX cards_by_expiry ON cards (
        coalesce(CASE WHEN expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(expiry, 1, 10) END, '9999-12-31'), id);
    `);
  },
};
