import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The data folder is nobody else's business: 0700 for folders, 0600 for files, from the first byte. SQLite gives
// -wal and -shm the mode of the database file, so creating that file 0600 before SQLite opens it is what keeps them
// private too (a chmod afterwards leaves them 0644 for the life of the process).

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Makes the folder (and missing parents) 0700, and tightens an existing one that is looser. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if ((lstatSync(dir).mode & 0o777) !== PRIVATE_DIR) chmodSync(dir, PRIVATE_DIR);
}

/** An empty file, created 0600; fails if it exists. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE));
}

/** Tightens everything below a folder made by an older Giftdesk (or by hand): folders 0700, files 0600. */
export function tightenPrivateTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) continue;
    const wanted = stat.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE;
    if ((stat.mode & 0o777 & ~wanted) !== 0) chmodSync(full, stat.mode & 0o777 & wanted);
    if (stat.isDirectory()) tightenPrivateTree(full);
  }
}
