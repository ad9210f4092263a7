import type { Migration } from './types';

/**
 * Balance checks: each account's rate (requests per minute, Wpay's default 50), balance sweeps as persisted jobs with
 * the cards each asks about, every answer kept as history, and the sends of each account's rate window, so the rate
 * holds across restarts and across the processes sharing the store.
 */
export const balances: Migration = {
  version: 7,
  name: 'balance checks: account rate, sweeps and their cards, answers history, persisted rate window',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN balance_rate_per_minute INTEGER NOT NULL DEFAULT 50
        CHECK (balance_rate_per_minute BETWEEN 1 AND 10000);

      CREATE TABLE balance_sweeps (
        id          INTEGER PRIMARY KEY,
        scope       TEXT NOT NULL CHECK (scope IN ('card', 'handout', 'order', 'issued')),
        target      INTEGER,
        state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'cancelled')),
        cards       INTEGER NOT NULL CHECK (cards >= 0),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        finished_at INTEGER,
        -- The process driving it now ("CLI, pid 123 on host"), and the last failed call it is waiting out.
        driver      TEXT,
        last_error  TEXT,
        CHECK ((scope = 'issued') = (target IS NULL))
      ) STRICT;
      CREATE INDEX balance_sweeps_open ON balance_sweeps (state) WHERE state IN ('queued', 'running');

      -- One row per card of a sweep, in the order they are asked: pending → sending (committed with its rate slot,
      -- before the request goes out) → answered. After a crash only the "sending" ones are asked again.
      CREATE TABLE balance_sweep_cards (
        sweep_id   INTEGER NOT NULL REFERENCES balance_sweeps (id),
        position   INTEGER NOT NULL,
        card_id    INTEGER NOT NULL REFERENCES cards (id),
        state      TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'answered')),
        sends      INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (sweep_id, position),
        UNIQUE (sweep_id, card_id)
      ) STRICT;
      CREATE INDEX balance_sweep_cards_open ON balance_sweep_cards (sweep_id, position) WHERE state <> 'answered';

      -- Every answer: a balance with the provider's status and expiry, a plain "not available", or a refusal.
      -- One per card per sweep.
      CREATE TABLE balance_checks (
        id            INTEGER PRIMARY KEY,
        card_id       INTEGER NOT NULL REFERENCES cards (id),
        sweep_id      INTEGER NOT NULL REFERENCES balance_sweeps (id),
        checked_at    INTEGER NOT NULL,
        outcome       TEXT NOT NULL CHECK (outcome IN ('answered', 'not-available', 'failed')),
        balance_cents INTEGER CHECK (balance_cents >= 0),
        status        TEXT,
        expiry        TEXT,
        currency      TEXT,
        note          TEXT,
        CHECK ((outcome = 'answered') = (balance_cents IS NOT NULL)),
        UNIQUE (sweep_id, card_id)
      ) STRICT;
      CREATE INDEX balance_checks_by_card ON balance_checks (card_id, id);
      CREATE TRIGGER balance_checks_append_only_update BEFORE UPDATE ON balance_checks
        BEGIN SELECT RAISE(ABORT, 'balance history is append-only'); END;
      CREATE TRIGGER balance_checks_append_only_delete BEFORE DELETE ON balance_checks
        BEGIN SELECT RAISE(ABORT, 'balance history is append-only'); END;

      -- When each balance request of an account went out: the sliding rate window, shared by every process.
      CREATE TABLE balance_rate_sends (
        id         INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        sent_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX balance_rate_sends_by_account ON balance_rate_sends (account_id, sent_at);

      -- The day the "expiring stock" notice was last shown, so it shows at most once a day whichever process runs.
      CREATE TABLE expiry_notices (
        day        TEXT PRIMARY KEY,
        shown_at   INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
