import { readdirSync } from 'node:fs';
import path from 'node:path';

// Scheduled backups are named by store and time, so that keeping the last N touches only this store's own files:
// giftdesk-backup-<first 8 of the store id>-<YYYYMMDD-HHMMSS>.gdbackup (UTC; names sort by time).

export const BACKUP_EXTENSION = '.gdbackup';

/** YYYYMMDD-HHMMSS in UTC. */
export function timeStamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function scheduledBackupName(storeId: string, at: number): string {
  return `giftdesk-backup-${storeId.slice(0, 8)}-${timeStamp(at)}${BACKUP_EXTENSION}`;
}

/** This store's scheduled backups in a folder, oldest first. */
export function scheduledBackups(folder: string, storeId: string): string[] {
  const pattern = new RegExp(`^giftdesk-backup-${storeId.slice(0, 8)}-\\d{8}-\\d{6}\\${BACKUP_EXTENSION}$`);
  return readdirSync(folder)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}
