import type { Db } from './open-database';

// What a copy of the store is made and checked with: SQLite's VACUUM INTO, its own integrity check, and the rows a
// person would miss, counted. The vault's backups and restores use these; the SQL stays in the store.

const TABLES = ['orders', 'cards', 'events'] as const;
type Table = (typeof TABLES)[number];

export type RowCounts = Record<Table, number>;
export type RowMarks = Record<Table, number>;

/** A consistent copy of the whole database, encrypted with the same key, while other connections go on writing. */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** How many orders, cards and audit rows, and the highest id of each (rows are never deleted from these tables). */
export function countRows(db: Db): { counts: RowCounts; marks: RowMarks } {
  const counts = {} as RowCounts;
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
export function countRowsUpTo(db: Db, marks: RowMarks): RowCounts {
  const counts = {} as RowCounts;
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
