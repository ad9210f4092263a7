import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations/types';

/**
 * Applies the migrations above the database's user_version, each in its own write transaction together with the
 * user_version bump, so a crash leaves the schema at one numbered version or the next. The version is read inside
 * the transaction: the desktop app and the CLI may open the same store at once, and only one may apply a step.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is out of order at ${m.name}: expected version ${i + 1}`);
  });
  const from = readSchemaVersion(db);
  const step = db.transaction((): boolean => {
    const current = readSchemaVersion(db);
    const next = migrations[current];
    if (!next) return false;
    next.up(db);
    db.pragma(`user_version = ${next.version}`);
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction
  }
  return { from, to: readSchemaVersion(db) };
}

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
