import type { Migration } from './types';

/**
 * The audit log filtered by order stays fast after a year: an order's entries are found through their subject, and
 * the entries about one of its cards (a reveal) through this index of the order their fields name, instead of
 * reading every entry's JSON. The index covers card entries only, as the filter's own condition says.
 */
export const auditOrderIndex: Migration = {
  version: 10,
  name: 'audit log: index of card entries by the order they name',
  up(db) {
    db.exec(`CREATE INDEX events_card_order ON events (json_extract(details, '$.orderId')) WHERE subject LIKE 'card:%'`);
  },
};
