import type { BackupCounts } from './backup-file';

// How a backup's counts are compared and told (they are made by the store's snapshot functions, store/snapshot.ts).

export function sameCounts(a: BackupCounts, b: BackupCounts): boolean {
  return a.orders === b.orders && a.cards === b.cards && a.events === b.events;
}

export function describeCounts(c: BackupCounts): string {
  return `${c.orders} orders, ${c.cards} cards, ${c.events} audit rows`;
}
