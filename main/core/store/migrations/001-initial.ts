import type { Migration } from './types';

export const initialSchema: Migration = {
  version: 1,
  name: 'accounts, orders, order lines, cards, audit events',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id                    TEXT PRIMARY KEY,
        name                  TEXT NOT NULL UNIQUE COLLATE NOCASE,
        provider              TEXT NOT NULL CHECK (provider IN ('wpay', 'blackhawk', 'sandbox')),
        base_url              TEXT NOT NULL,
        merchant_id           TEXT,
        client_program_number TEXT,
        sandbox_flavor        TEXT CHECK (sandbox_flavor IN ('wpay', 'blackhawk')),
        currency              TEXT NOT NULL,
        fetch_concurrency     INTEGER NOT NULL DEFAULT 2 CHECK (fetch_concurrency BETWEEN 1 AND 16),
        poll_every_seconds    REAL CHECK (poll_every_seconds > 0),
        -- The Blackhawk client certificate (.p12) lives here, encrypted with the store; its passphrase is in the keychain.
        certificate           BLOB,
        created_at            INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE orders (
        id                  INTEGER PRIMARY KEY,
        account_id          TEXT NOT NULL REFERENCES accounts (id),
        client_reference    TEXT NOT NULL,
        provider_order_id   TEXT,
        state               TEXT NOT NULL CHECK (state IN ('draft', 'submitting', 'accepted', 'processing', 'fetching',
                                                           'complete', 'failed', 'cancelled', 'needs-attention')),
        state_reason        TEXT,
        quantity            INTEGER NOT NULL CHECK (quantity > 0),
        face_value_cents    INTEGER CHECK (face_value_cents > 0),
        total_cents         INTEGER NOT NULL CHECK (total_cents > 0),
        currency            TEXT NOT NULL,
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL,
        last_error          TEXT,
        next_poll_at        INTEGER,
        UNIQUE (account_id, client_reference)
      ) STRICT;
      CREATE INDEX orders_unsettled ON orders (state) WHERE state NOT IN ('complete', 'failed', 'cancelled', 'needs-attention');

      CREATE TABLE order_lines (
        id                INTEGER PRIMARY KEY,
        order_id          INTEGER NOT NULL REFERENCES orders (id),
        line_no           INTEGER NOT NULL CHECK (line_no > 0),
        sku               TEXT NOT NULL,
        product_name      TEXT,
        face_value_cents  INTEGER NOT NULL CHECK (face_value_cents > 0),
        quantity          INTEGER NOT NULL CHECK (quantity > 0),
        UNIQUE (order_id, line_no)
      ) STRICT;

      CREATE TABLE cards (
        id            INTEGER PRIMARY KEY,
        order_id      INTEGER NOT NULL REFERENCES orders (id),
        line_id       INTEGER REFERENCES order_lines (id),
        provider_key  TEXT NOT NULL,
        number        TEXT,
        pin           TEXT,
        barcode       TEXT,
        url           TEXT,
        amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
        expiry        TEXT,
        product_name  TEXT,
        sku           TEXT,
        raw           TEXT NOT NULL,
        stored_at     INTEGER NOT NULL,
        number_last4  TEXT GENERATED ALWAYS AS (substr(number, -4)) STORED,
        UNIQUE (order_id, provider_key)
      ) STRICT;
      -- Counting an order's cards per line must not read every card's data: a 25,000-card order is ~37 MB.
      CREATE INDEX cards_by_order_line ON cards (order_id, line_id);
      -- One index serves both searches: by last four digits, and by a whole number (its last four, then the rest).
      CREATE INDEX cards_by_last4 ON cards (number_last4);

      CREATE TABLE events (
        id       INTEGER PRIMARY KEY,
        at       INTEGER NOT NULL,
        actor    TEXT NOT NULL,
        action   TEXT NOT NULL,
        subject  TEXT NOT NULL,
        details  TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX events_by_subject ON events (subject);
      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
