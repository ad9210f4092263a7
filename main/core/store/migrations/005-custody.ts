import { translateLegacy } from '../../audit/legacy-entries';
import type { Migration } from './types';

/**
 * Card custody: every card's state between the store and the person who got it (shared/custody-state-machine.ts),
 * hand-outs with their recipient lists, and each card's custody history. Every card already stored starts in stock
 * (in a cancelled order: cancelled), and a card the audit log shows was printed or exported before is flagged with
 * the day it last was, so a person decides about it before it is handed out again.
 */
export const custody: Migration = {
  version: 5,
  name: 'card custody: states, hand-outs, recipient lists, custody history, scanned-value index',
  up(db) {
    db.exec(`
      CREATE TABLE handouts (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        event_date  TEXT CHECK (event_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        place       TEXT,
        note        TEXT,
        source      TEXT NOT NULL CHECK (source IN ('count', 'recipients')),
        created_at  INTEGER NOT NULL,
        -- Sheets and card files made of it so far: a reprint is allowed, and counted.
        copies      INTEGER NOT NULL DEFAULT 0,
        returned_at INTEGER
      ) STRICT;

      CREATE TABLE handout_recipients (
        id          INTEGER PRIMARY KEY,
        handout_id  INTEGER NOT NULL REFERENCES handouts (id),
        row_no      INTEGER NOT NULL,
        name        TEXT NOT NULL,
        contact     TEXT,
        reference   TEXT,
        UNIQUE (handout_id, row_no)
      ) STRICT;

      CREATE TABLE card_custody (
        card_id      INTEGER PRIMARY KEY REFERENCES cards (id),
        -- Copied from the card and its order when it is stored, so that stock is counted from this table alone.
        account_id   TEXT NOT NULL REFERENCES accounts (id),
        sku          TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        -- The date part of the provider's expiry (YYYY-MM-DD), for "expires first"; null when it has none we can read.
        expiry_date  TEXT,
        state        TEXT NOT NULL CHECK (state IN ('in-stock', 'reserved', 'issued', 'void', 'cancelled')),
        handout_id   INTEGER REFERENCES handouts (id),
        recipient_id INTEGER REFERENCES handout_recipients (id),
        issued_to    TEXT,
        issued_at    INTEGER,
        void_reason  TEXT,
        changed_at   INTEGER NOT NULL,
        -- When a sheet or card file of it was last made outside a hand-out: such a card is held back from hand-outs.
        printed_exported_at INTEGER,
        -- A card is part of one hand-out while reserved or issued, and of none while in stock.
        CHECK (state NOT IN ('reserved', 'issued') OR handout_id IS NOT NULL),
        CHECK (state <> 'in-stock' OR (handout_id IS NULL AND recipient_id IS NULL AND issued_at IS NULL))
      ) STRICT;
      -- Stock at a glance and "the cards of this product and value that expire first" read this index alone, in its
      -- order (no sort of a whole stock line); expiring and held-back stock have small indexes of their own.
      CREATE INDEX custody_stock ON card_custody (account_id, sku, amount_cents, state, printed_exported_at, expiry_date);
      CREATE INDEX custody_expiring ON card_custody (state, expiry_date) WHERE expiry_date IS NOT NULL;
      CREATE INDEX custody_held_back ON card_custody (account_id, sku, amount_cents) WHERE state = 'in-stock' AND printed_exported_at IS NOT NULL;
      CREATE INDEX custody_by_handout ON card_custody (handout_id, state) WHERE handout_id IS NOT NULL;
      CREATE UNIQUE INDEX custody_one_card_per_recipient ON card_custody (recipient_id) WHERE recipient_id IS NOT NULL;

      CREATE TABLE custody_events (
        id          INTEGER PRIMARY KEY,
        card_id     INTEGER NOT NULL REFERENCES cards (id),
        at          INTEGER NOT NULL,
        event       TEXT NOT NULL,
        from_state  TEXT NOT NULL,
        to_state    TEXT NOT NULL,
        handout_id  INTEGER REFERENCES handouts (id),
        -- The audit entry of the act (who, through which door; for a cancellation, its order's state change).
        audit_id    INTEGER REFERENCES events (id),
        -- The recipient's name for an issue, the reason for a void or an un-issue.
        note        TEXT
      ) STRICT;
      CREATE INDEX custody_events_by_card ON custody_events (card_id);
      -- "How many went back to stock from this hand-out": returns only, so taking cards into a hand-out writes no entry.
      CREATE INDEX custody_returns ON custody_events (handout_id, card_id) WHERE event = 'return';
      CREATE TRIGGER custody_events_append_only_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody history is append-only'); END;
      CREATE TRIGGER custody_events_append_only_delete BEFORE DELETE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody history is append-only'); END;

      -- A scanner types the value the sheet's barcode encodes (the provider's barcode value, else the card number):
      -- issuing by scan finds the card by it at once.
      CREATE INDEX cards_by_scan_value ON cards (coalesce(nullif(barcode, ''), nullif(number, '')));

      -- Every card stored from now on, by whichever connection, enters custody in the same transaction: in stock, or
      -- cancelled when its order already is (a page still being written while a reversal commits).
      CREATE TRIGGER cards_enter_custody AFTER INSERT ON cards BEGIN
        INSERT INTO card_custody (card_id, account_id, sku, amount_cents, expiry_date, state, changed_at)
        SELECT new.id, o.account_id, coalesce(new.sku, ''), new.amount_cents,
               CASE WHEN new.expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(new.expiry, 1, 10) END,
               CASE WHEN o.state = 'cancelled' THEN 'cancelled' ELSE 'in-stock' END, new.stored_at
        FROM orders o WHERE o.id = new.order_id;
      END;

      INSERT INTO card_custody (card_id, account_id, sku, amount_cents, expiry_date, state, changed_at)
      SELECT c.id, o.account_id, coalesce(c.sku, ''), c.amount_cents,
             CASE WHEN c.expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(c.expiry, 1, 10) END,
             CASE WHEN o.state = 'cancelled' THEN 'cancelled' ELSE 'in-stock' END, c.stored_at
      FROM cards c JOIN orders o ON o.id = c.order_id;
    `);

    // Which orders' cards went out on paper or in a file, and when last: read through the one vocabulary, so that
    // entries written under older names (cards.print) count as what they were.
    const lastOut = new Map<number, number>();
    const rows = db.prepare(`SELECT id, at, actor, action, subject, details, via FROM events`).iterate() as Iterable<{
      id: number;
      at: number;
      actor: string;
      action: string;
      subject: string;
      details: string;
      via: string | null;
    }>;
    for (const r of rows) {
      const details = JSON.parse(r.details) as Record<string, unknown>;
      const entry: { action: string; details: Record<string, unknown> } =
        r.via === null ? translateLegacy({ id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details }) : { action: r.action, details };
      const out = entry.action === 'sheet.save' || entry.action === 'cards.export' || (entry.action === 'sheet.print' && entry.details.sent !== false);
      const orderId = entry.details.orderId;
      if (out && typeof orderId === 'number') lastOut.set(orderId, Math.max(lastOut.get(orderId) ?? 0, r.at));
    }
    const flag = db.prepare(`UPDATE card_custody SET printed_exported_at = ? WHERE card_id IN (SELECT id FROM cards WHERE order_id = ?)`);
    for (const [orderId, at] of lastOut) flag.run(at, orderId);
  },
};
