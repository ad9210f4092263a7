import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A private copy of a store that cannot be written in place. SQLite reads a WAL database only where it can make the
 * -shm file beside it, and a folder this process cannot write must gain nothing, not even that; so the database (and
 * its -wal, when a process stopped without checkpointing) is copied into a 0700 temporary folder and read there. The
 * copy is as encrypted as the original and is removed on close. It is the store as it was when opened.
 */
export function readOnlyCopy(file: string): { file: string; walCopied: boolean; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-read-only-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    const copy = path.join(folder, path.basename(file));
    copyFileSync(file, copy);
    const walCopied = existsSync(`${file}-wal`);
    if (walCopied) copyFileSync(`${file}-wal`, `${copy}-wal`);
    return { file: copy, walCopied, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
