import type { Db } from './open-database';

// The rows a person would miss, counted: what a backup is checked by (with SQLite's integrity_check).

const TABLES = ['orders', 'cards', 'events'] as const;
type Table = (typeof TABLES)[number];

/** Orders, cards and audit rows (events). */
export type RowCounts = Record<'orders' | 'cards' | 'events', number>;
export type RowMarks = Record<Table, number>;

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

/** A consistent copy of the whole database into `file` (an empty file made private beforehand), on `db`'s connection. */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
