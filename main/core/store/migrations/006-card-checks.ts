import type { Migration } from './types';

// Self-contained: everything the card checks need (issue 13), in one step; it comes after custody (migration 5).
export const cardChecks: Migration = {
  version: 6,
  name: 'cards checked against their order: quarantined cards kept apart, a card stored once per account',
  up(db) {
    db.exec(`
      -- The account a card belongs to, copied from its order, so that one index can refuse the same card in two orders.
      ALTER TABLE cards ADD COLUMN account_id TEXT REFERENCES accounts (id);
      -- What real answers carry beside number and PIN: an activation code, the barcode's symbology, the provider's
      -- own labels for the fields (JSON), so that sheets and the app show each field under the provider's name.
      ALTER TABLE cards ADD COLUMN activation_code TEXT;
      ALTER TABLE cards ADD COLUMN barcode_format TEXT CHECK (barcode_format IN ('code128', 'interleaved2of5', 'qrcode', 'pdf417', 'datamatrix'));
      ALTER TABLE cards ADD COLUMN labels TEXT;
      UPDATE cards SET account_id = (SELECT o.account_id FROM orders o WHERE o.id = cards.order_id);

      -- Cards a provider sent that are not the order's: of another value, product or currency, already held by another
      -- order of the account, or repeated on a page. Kept whole (for the conversation with the provider), never counted.
      CREATE TABLE quarantined_cards (
        id              INTEGER PRIMARY KEY,
        order_id        INTEGER NOT NULL REFERENCES orders (id),
        provider_key    TEXT NOT NULL,
        number          TEXT,
        pin             TEXT,
        activation_code TEXT,
        barcode         TEXT,
        barcode_format  TEXT,
        labels          TEXT,
        url             TEXT,
        amount_cents    INTEGER NOT NULL CHECK (amount_cents >= 0),
        expiry          TEXT,
        product_name    TEXT,
        sku             TEXT,
        raw             TEXT NOT NULL,
        stored_at       INTEGER NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('wrong-value', 'wrong-product', 'wrong-currency', 'held-by-another-order', 'repeated')),
        -- What came back against what was ordered, in words.
        reason          TEXT NOT NULL,
        -- For held-by-another-order: the order that already holds the card (it is flagged too).
        other_order_id  INTEGER REFERENCES orders (id),
        UNIQUE (order_id, provider_key, kind)
      ) STRICT;
      CREATE INDEX quarantined_by_other_order ON quarantined_cards (other_order_id) WHERE other_order_id IS NOT NULL;

      -- A store written before this check may already hold a card in two orders: the later copy moves to quarantine.
      CREATE TEMP TABLE moved_cards AS
        SELECT c.id AS card_id, first.id AS kept_id
          FROM cards c
          JOIN cards first ON first.id = (SELECT min(e.id) FROM cards e WHERE e.account_id = c.account_id AND e.provider_key = c.provider_key)
         WHERE first.id <> c.id;
      INSERT INTO quarantined_cards (order_id, provider_key, number, pin, barcode, url, amount_cents, expiry, product_name,
                                     sku, raw, stored_at, kind, reason, other_order_id)
        SELECT c.order_id, c.provider_key, c.number, c.pin, c.barcode, c.url, c.amount_cents, c.expiry, c.product_name,
               c.sku, c.raw, c.stored_at, 'held-by-another-order',
               'The same card is already stored in order ' || first.order_id || ' of this account.', first.order_id
          FROM moved_cards m JOIN cards c ON c.id = m.card_id JOIN cards first ON first.id = m.kept_id;

      -- Custody (migration 5) follows the bearer card, not the copy: where a moved copy went further (reserved, issued,
      -- void) while the kept copy stayed in stock, the kept copy takes that custody over, and the moved copy's history
      -- is re-pointed to it. History stays append-only for everything else: this one repair lifts the guard and puts
      -- it back in the same transaction.
      CREATE TEMP TABLE moved_custody AS
        SELECT m.kept_id, k.state, k.handout_id, k.recipient_id, k.issued_to, k.issued_at, k.void_reason, k.changed_at
          FROM moved_cards m JOIN card_custody k ON k.card_id = m.card_id
         WHERE k.state IN ('reserved', 'issued', 'void')
           AND m.card_id = (SELECT min(m2.card_id) FROM moved_cards m2 JOIN card_custody k2 ON k2.card_id = m2.card_id
                             WHERE m2.kept_id = m.kept_id AND k2.state IN ('reserved', 'issued', 'void'));
      DELETE FROM card_custody WHERE card_id IN (SELECT card_id FROM moved_cards);
      UPDATE card_custody
         SET state = mc.state, handout_id = mc.handout_id, recipient_id = mc.recipient_id, issued_to = mc.issued_to,
             issued_at = mc.issued_at, void_reason = mc.void_reason, changed_at = mc.changed_at
        FROM moved_custody mc
       WHERE card_custody.card_id = mc.kept_id AND card_custody.state = 'in-stock';
      DROP TRIGGER custody_events_append_only_update;
      UPDATE custody_events SET card_id = (SELECT m.kept_id FROM moved_cards m WHERE m.card_id = custody_events.card_id)
       WHERE card_id IN (SELECT card_id FROM moved_cards);
      CREATE TRIGGER custody_events_append_only_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody history is append-only'); END;

      DELETE FROM cards WHERE id IN (SELECT card_id FROM moved_cards);
      DROP TABLE moved_cards;
      DROP TABLE moved_custody;
      CREATE UNIQUE INDEX cards_once_per_account ON cards (account_id, provider_key);
    `);
  },
};
