import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/store/open-store';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { createAuditLog } from '../../main/core/store/repos/audit';
import type { Migration } from '../../main/core/store/migrations/types';
import { vaultAccess } from '../../main/core/create-core';
import { systemClock } from '../../main/core/clock';
import { realKeychain, testVault } from '../support/core';
import { tempDir } from '../support/temp-dir';

const open = (dataDir: string, migrations: readonly Migration[]) =>
  openStore({ dataDir, access: vaultAccess({ keychain: realKeychain, ...testVault() }, systemClock), migrations });

const LATEST = MIGRATIONS.at(-1)!.version;

describe('migrations', () => {
  it('ships each migration under its own number, in its own file named by it, without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const files = readdirSync(path.resolve(import.meta.dirname, '../../main/core/store/migrations')).filter((f) => /^\d{3}-/.test(f));
    expect(files.map((f) => Number(f.slice(0, 3))).sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('records each applied step in user_version and sets WAL, synchronous=FULL and foreign keys', async () => {
    const dataDir = path.join(tempDir(), 'd');
    const store = await open(dataDir, MIGRATIONS);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() =>
        store.db.prepare(`INSERT INTO orders (account_id, client_reference, state, quantity, total_cents, currency, created_at, updated_at)
                          VALUES ('nobody', 'r', 'draft', 1, 1, 'AUD', 0, 0)`).run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      store.close();
    }
  });

  it('rolls a failing migration back whole and keeps the previous version', async () => {
    const dataDir = path.join(tempDir(), 'd');
    (await open(dataDir, MIGRATIONS)).close();
    const broken: Migration = {
      version: LATEST + 1,
      name: 'half-done',
      up(db) {
        db.exec('CREATE TABLE extra (x INTEGER)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    await expect(open(dataDir, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    const store = await open(dataDir, MIGRATIONS);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(store.db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'`).get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });

  it('keeps the audit log append-only', async () => {
    const store = await open(path.join(tempDir(), 'd'), MIGRATIONS);
    try {
      store.db.prepare(`INSERT INTO events (at, actor, action, subject) VALUES (1, 'user', 'card.reveal', 'card:1')`).run();
      expect(() => store.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      expect(() => store.db.prepare(`UPDATE events SET actor = 'x'`).run()).toThrow(/append-only/);
    } finally {
      store.close();
    }
  });

  it('takes a store of version 3 to 4 with its audit entries as written, read back in the one vocabulary', async () => {
    const dataDir = path.join(tempDir(), 'd');
    const old = await open(dataDir, MIGRATIONS.slice(0, 3));
    const write = old.db.prepare('INSERT INTO events (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
    write.run(1, 'user', 'card.reveal', 'card:7', JSON.stringify({ orderId: 3, last4: '4242', amountCents: 2500 }));
    write.run(2, 'cli', 'cards.reveal', 'order:3', JSON.stringify({ cards: 20, reference: 'gd-1' }));
    write.run(3, 'cli', 'cards.print', 'order:3', JSON.stringify({ orderId: 3, reference: 'gd-1', format: 'pdf', layout: 'a4-10', scratch: false, cards: 20, pages: 2 }));
    write.run(4, 'engine', 'order.complete', 'order:3', JSON.stringify({ from: 'fetching', reference: 'gd-1', reason: null }));
    write.run(5, 'user', 'order.cancel-requested', 'order:4', JSON.stringify({ reference: 'gd-2' }));
    write.run(6, 'user', 'lock.idle-time', 'app', JSON.stringify({ minutes: 15 }));
    write.run(7, 'alice', 'something.else', 'app', JSON.stringify({ x: 1 }));
    old.close();

    const store = await open(dataDir, MIGRATIONS.slice(0, 4));
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(4);
      const raw = store.db.prepare('SELECT actor, action, via, os_user FROM events ORDER BY id').all();
      expect(raw.map((r) => (r as { action: string }).action)).toEqual(['card.reveal', 'cards.reveal', 'cards.print', 'order.complete', 'order.cancel-requested', 'lock.idle-time', 'something.else']);
      const read = createAuditLog(store.db, Date.now).list().reverse();
      expect(read.map((e) => [e.action, e.recorded, e.actor])).toEqual([
        ['cards.reveal', 'card.reveal', { via: 'desktop', user: null }],
        ['cards.reveal', 'cards.reveal', { via: 'cli', user: null }],
        ['sheet.save', 'cards.print', { via: 'cli', user: null }],
        ['order.transition', 'order.complete', { via: 'engine', user: null }],
        ['order.reverse', 'order.cancel-requested', { via: 'desktop', user: null }],
        ['settings.lock-idle-minutes', 'lock.idle-time', { via: 'desktop', user: null }],
        ['unknown', 'something.else', { via: 'system', user: 'alice' }],
      ]);
      expect(read[0]!.details).toMatchObject({ orderId: 3, cards: 1, cardId: 7, last4: '4242' });
      expect(read[1]!.details).toMatchObject({ orderId: 3, cards: 20, reference: 'gd-1', cardId: null });
      expect(read[3]!.details).toMatchObject({ orderId: 3, from: 'fetching', to: 'complete', reference: 'gd-1' });

      createAuditLog(store.db, Date.now).append({ via: 'cli', user: 'bob' }, { action: 'lock.unlock', details: {} });
      expect(createAuditLog(store.db, Date.now).list({ limit: 1 })[0]).toMatchObject({ action: 'lock.unlock', recorded: null, actor: { via: 'cli', user: 'bob' }, subject: 'app' });
    } finally {
      store.close();
    }
  });

  it('takes a store of version 4 to 5: every card in stock (a cancelled order’s cancelled), and cards printed or exported before flagged with the day', async () => {
    const dataDir = path.join(tempDir(), 'd');
    const old = await open(dataDir, MIGRATIONS.slice(0, 4));
    old.db.prepare(`INSERT INTO accounts (id, name, provider, base_url, currency, created_at) VALUES ('a1', 'Shop', 'wpay', 'https://x.example', 'AUD', 1)`).run();
    const order = old.db.prepare(
      `INSERT INTO orders (id, account_id, client_reference, state, quantity, face_value_cents, total_cents, currency, created_at, updated_at) VALUES (?, 'a1', ?, ?, 2, 2500, 5000, 'AUD', 1, 1)`,
    );
    const card = old.db.prepare(`INSERT INTO cards (order_id, provider_key, number, amount_cents, expiry, sku, raw, stored_at) VALUES (?, ?, ?, 2500, ?, 'WW', '{}', 1)`);
    // 1: printed under the old name (before the actor migration); 2: exported, recorded by today's vocabulary;
    // 3: a print the system dialog cancelled (nothing went out), and a newer card; 4: cancelled.
    for (const [id, state] of [[1, 'complete'], [2, 'complete'], [3, 'complete'], [4, 'cancelled']] as const) {
      order.run(id, `gd-${id}`, state);
      card.run(id, `k${id}a`, `6200000000000000${id}1`, id === 3 ? null : '2028-01-31T00:00:00+10:00');
      card.run(id, `k${id}b`, `6200000000000000${id}2`, '2027-12-31');
    }
    const write = old.db.prepare('INSERT INTO events (at, actor, action, subject, details, via) VALUES (?, ?, ?, ?, ?, ?)');
    write.run(Date.UTC(2025, 10, 3), 'cli', 'cards.print', 'order:1', JSON.stringify({ orderId: 1, reference: 'gd-1', format: 'pdf', layout: 'a4-10', cards: 2, pages: 1 }), null);
    write.run(Date.UTC(2025, 11, 24), 'bob', 'cards.export', 'order:2', JSON.stringify({ orderId: 2, format: 'zip', cards: 2 }), 'cli');
    write.run(Date.UTC(2025, 11, 25), 'bob', 'sheet.print', 'order:3', JSON.stringify({ orderId: 3, cards: 2, sent: false }), 'desktop');
    write.run(Date.UTC(2025, 11, 26), 'bob', 'cards.reveal', 'order:3', JSON.stringify({ orderId: 3, cards: 2 }), 'desktop');
    old.close();

    const store = await open(dataDir, MIGRATIONS.slice(0, 5));
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(5);
      const rows = store.db
        .prepare('SELECT c.order_id AS o, k.state, k.expiry_date, k.printed_exported_at, k.account_id, k.sku FROM cards c JOIN card_custody k ON k.card_id = c.id ORDER BY c.id')
        .all() as { o: number; state: string; expiry_date: string | null; printed_exported_at: number | null; account_id: string; sku: string }[];
      expect(rows.map((r) => [r.o, r.state, r.printed_exported_at])).toEqual([
        [1, 'in-stock', Date.UTC(2025, 10, 3)],
        [1, 'in-stock', Date.UTC(2025, 10, 3)],
        [2, 'in-stock', Date.UTC(2025, 11, 24)],
        [2, 'in-stock', Date.UTC(2025, 11, 24)],
        [3, 'in-stock', null],
        [3, 'in-stock', null],
        [4, 'cancelled', null],
        [4, 'cancelled', null],
      ]);
      expect(rows.map((r) => r.expiry_date)).toEqual(['2028-01-31', '2027-12-31', '2028-01-31', '2027-12-31', null, '2027-12-31', '2028-01-31', '2027-12-31']);
      expect(rows.every((r) => r.account_id === 'a1' && r.sku === 'WW')).toBe(true);
      // A card stored after the migration enters custody by itself, in stock.
      store.db.prepare(`INSERT INTO cards (order_id, provider_key, number, amount_cents, sku, raw, stored_at) VALUES (3, 'k3c', '62000000000000000033', 2500, 'WW', '{}', 2)`).run();
      expect(store.db.prepare(`SELECT state FROM card_custody WHERE card_id = last_insert_rowid()`).get()).toEqual({ state: 'in-stock' });
    } finally {
      store.close();
    }
  });

  it('takes a store of version 5 to 7: every account keeps to Wpay\'s 50 balance checks a minute until changed, and the history is append-only', async () => {
    const dataDir = path.join(tempDir(), 'd');
    const old = await open(dataDir, MIGRATIONS.slice(0, 5));
    old.db.prepare(`INSERT INTO accounts (id, name, provider, base_url, currency, created_at) VALUES ('a1', 'Shop', 'wpay', 'https://x.example', 'AUD', 1)`).run();
    old.close();
    const store = await open(dataDir, MIGRATIONS);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(store.db.prepare(`SELECT balance_rate_per_minute AS rate FROM accounts`).get()).toEqual({ rate: 50 });
      expect(() => store.db.prepare(`UPDATE accounts SET balance_rate_per_minute = 0`).run()).toThrow(/CHECK/);
      store.db.prepare(`INSERT INTO balance_sweeps (id, scope, state, cards, created_at, updated_at) VALUES (1, 'issued', 'done', 0, 1, 1)`).run();
      expect(() => store.db.prepare(`INSERT INTO balance_sweeps (scope, state, cards, created_at, updated_at) VALUES ('card', 'queued', 1, 1, 1)`).run()).toThrow(/CHECK/);
    } finally {
      store.close();
    }
  });
});
