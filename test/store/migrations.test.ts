import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/store/open-store';
import { MIGRATIONS } from '../../main/core/store/migrations';
import type { Migration } from '../../main/core/store/migrations/types';
import { vaultAccess } from '../../main/core/create-core';
import { systemClock } from '../../main/core/clock';
import { realKeychain, testVault } from '../support/core';
import { tempDir } from '../support/temp-dir';

const open = (dataDir: string, migrations: readonly Migration[]) =>
  openStore({ dataDir, access: vaultAccess({ keychain: realKeychain, ...testVault() }, systemClock), migrations });

describe('migrations', () => {
  it('records each applied step in user_version and sets WAL, synchronous=FULL and foreign keys', async () => {
    const dataDir = path.join(tempDir(), 'd');
    const store = await open(dataDir, MIGRATIONS);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
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
      version: MIGRATIONS.length + 1,
      name: 'half-done',
      up(db) {
        db.exec('CREATE TABLE extra (x INTEGER)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    await expect(open(dataDir, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    const store = await open(dataDir, MIGRATIONS);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
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
});
