import type { Db } from '../../store/open-database';
import type { BackupCounts } from './backup-file';

// What a backup is checked by: SQLite's own integrity check, and the rows a person would miss, counted (store/row-counts.ts).
export { countRows, countRowsUpTo, type RowMarks } from '../../store/row-counts';

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
