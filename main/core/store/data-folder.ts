import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { DataFolderNotAFolder, type ReadOnlyReason } from './errors';

// Whether this process can write to a data folder, found out before anything is opened, so that a folder it cannot
// write is opened read-only (nothing written, not even SQLite's -wal and -shm) instead of failing halfway through.

/** The files a store writes in place; everything else (store.json, backups) is written by rename, which needs the folder. */
const WRITTEN_IN_PLACE = ['giftdesk.db', 'giftdesk.db-wal', 'giftdesk.db-shm'];

/**
 * Null when the data folder (or, while it does not exist yet, the folder it would be made in) can be written;
 * otherwise why not. Throws DataFolderNotAFolder when the folder, or a folder on its path, is a file.
 */
export function dataFolderReadOnly(dataDir: string): ReadOnlyReason | null {
  const folder = nearestExisting(dataDir);
  const denied = writeDenied(folder);
  if (denied) return folder === dataDir ? reason(denied, 'it', dataDir) : reason(denied, folder, folder);
  if (folder !== dataDir) return null;
  for (const name of WRITTEN_IN_PLACE) {
    const file = path.join(dataDir, name);
    const code = writeDenied(file);
    if (code && code !== 'ENOENT') return reason(code, `${name} in it`, dataDir);
  }
  return null;
}

/** The data folder, or the closest of its parents that exists: the one that decides whether it can be made. */
function nearestExisting(dataDir: string): string {
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) throw new DataFolderNotAFolder(dataDir, dir);
      return dir;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTDIR: a file further up the path, found as the walk reaches it.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(dir) === dir) throw err;
    }
  }
}

/** The error code that writing `target` would meet, or null when this process may write it (root included). */
function writeDenied(target: string): string | null {
  try {
    accessSync(target, constants.W_OK);
    return null;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** `what` names the thing denied in the sentence ("it", "giftdesk.db in it", a parent folder); `fix` is the folder to open up. */
function reason(code: string, what: string, fix: string): ReadOnlyReason {
  if (code === 'EROFS') return { text: `${what} is on a read-only file system`, remedy: 'Mount it read-write, or copy the data folder somewhere writable' };
  if (what === fix) return { text: `you have no write permission on ${what}`, remedy: `Give your user write permission on ${fix} (chmod u+w "${fix}", or ask whoever owns it)` };
  return { text: `you have no write permission on ${what}`, remedy: `Give your user write permission on the folder and its files (chmod -R u+w "${fix}", or ask whoever owns it)` };
}
