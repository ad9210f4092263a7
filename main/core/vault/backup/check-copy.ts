import type { Db } from '../../store/open-database';
import type { BackupCounts } from './backup-file';

// What a backup is checked by: SQLite's own integrity check, and the rows a person would miss, counted.

const TABLES = ['orders', 'cards', 'events'] as const;
type Table = (typeof TABLES)[number];

export type RowMarks = Record<Table, number>;

/** How many orders, cards and audit rows, and the highest id of each (rows are never deleted from these tables). */
export function countRows(db: Db): { counts: BackupCounts; marks: RowMarks } {
  const counts = {} as BackupCounts;
  const marks = {} as RowMarks;
  for (const table of TABLES) {
    const row = db.prepare(`SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM ${table}`).get() as { n: number; top: number };
    counts[table] = row.n;
    marks[table] = row.top;
  }
  return { counts, marks };
}

/**
 * The source's counts as of a snapshot: its rows up to the snapshot's highest ids. Rows are only ever appended to
 * these tables, so a row written after the snapshot has a higher id, and a row the copy lost shows as a difference.
 */
export function countRowsUpTo(db: Db, marks: RowMarks): BackupCounts {
  const counts = {} as BackupCounts;
  for (const table of TABLES) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE id <= ?`).get(marks[table]) as { n: number }).n;
  }
  return counts;
}

/** Null when the copy is sound; otherwise what is wrong with it, in words. */
export function checkIntegrity(db: Db): string | null {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length === 1 && rows[0]!.integrity_check === 'ok') return null;
  return `integrity_check: ${rows.slice(0, 3).map((r) => r.integrity_check).join('; ')}`;
}

export function sameCounts(a: BackupCounts, b: BackupCounts): boolean {
  return a.orders === b.orders && a.cards === b.cards && a.events === b.events;
}

export function describeCounts(c: BackupCounts): string {
  return `${c.orders} orders, ${c.cards} cards, ${c.events} audit rows`;
}
