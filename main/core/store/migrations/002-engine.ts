import type { Migration } from './types';

export const engineState: Migration = {
  version: 2,
  name: 'engine bookkeeping: submit attempts, poll cadence, provider totals, fetched pages, engine lease',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN realtime INTEGER NOT NULL DEFAULT 0;
      -- Counted in the same commit that moves the order to 'submitting', before the request goes out, so that
      -- after a crash the engine knows whether a request may have reached the provider.
      ALTER TABLE orders ADD COLUMN submit_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE orders ADD COLUMN poll_every_seconds REAL CHECK (poll_every_seconds > 0);
      ALTER TABLE orders ADD COLUMN provider_total_cards INTEGER;
      ALTER TABLE orders ADD COLUMN percent_complete INTEGER;
      ALTER TABLE orders ADD COLUMN provider_status TEXT;
      ALTER TABLE orders ADD COLUMN cancel_allowed INTEGER;
      ALTER TABLE orders ADD COLUMN cancel_within_minutes INTEGER;
      ALTER TABLE orders ADD COLUMN accepted_at INTEGER;
      ALTER TABLE orders ADD COLUMN settled_at INTEGER;

      CREATE TABLE card_pages (
        order_id     INTEGER NOT NULL REFERENCES orders (id),
        page_offset  INTEGER NOT NULL,
        page_limit   INTEGER NOT NULL,
        cards        INTEGER NOT NULL,
        fetched_at   INTEGER NOT NULL,
        PRIMARY KEY (order_id, page_offset)
      ) STRICT;

      CREATE TABLE engine_lease (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        holder      TEXT NOT NULL,
        pid         INTEGER NOT NULL,
        host        TEXT NOT NULL,
        label       TEXT NOT NULL,
        expires_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
