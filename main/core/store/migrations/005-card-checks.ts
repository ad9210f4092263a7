import type { Migration } from './types';

// Self-contained: everything the card checks need (issue 13), in one step, whatever number it ends up under.
export const cardChecks: Migration = {
  version: 5,
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
      INSERT INTO quarantined_cards (order_id, provider_key, number, pin, barcode, url, amount_cents, expiry, product_name,
                                     sku, raw, stored_at, kind, reason, other_order_id)
        SELECT c.order_id, c.provider_key, c.number, c.pin, c.barcode, c.url, c.amount_cents, c.expiry, c.product_name,
               c.sku, c.raw, c.stored_at, 'held-by-another-order',
               'The same card is already stored in order ' || first.order_id || ' of this account.', first.order_id
          FROM cards c
          JOIN cards first ON first.id = (SELECT min(e.id) FROM cards e WHERE e.account_id = c.account_id AND e.provider_key = c.provider_key)
         WHERE first.id <> c.id;
      DELETE FROM cards WHERE id IN (
        SELECT c.id FROM cards c WHERE c.id > (SELECT min(e.id) FROM cards e WHERE e.account_id = c.account_id AND e.provider_key = c.provider_key)
      );
      CREATE UNIQUE INDEX cards_once_per_account ON cards (account_id, provider_key);
    `);
  },
};
