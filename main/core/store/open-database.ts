import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { leftAsItWas, StoreCorrupt, StoreKeyRejected, StoreTooNew } from './errors';
import { migrate, readSchemaVersion } from './migrate';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/**
 * Opens (or, when `create` is set, creates) the SQLCipher database. Every check that can fail runs before anything
 * that writes, so a wrong key, a damaged file or a newer schema leaves the file byte for byte as it was. A new store's
 * file is made empty and 0600 by the caller first (store/private-files.ts): SQLite gives -wal and -shm its mode. After a
 * crash that left a -wal, that log is left as it was too: only SQLite's own index of it (-shm) is rebuilt, as the error says.
 */
export function openDatabase(options: {
  file: string;
  key: string;
  create: boolean;
  migrations: readonly Migration[];
}): Db {
  const { file, key, create, migrations } = options;
  const walExisted = existsSync(`${file}-wal`);
  const db = new Database(file, { fileMustExist: !create });
  try {
    if (!create && !walExisted) verifyWholePages(file);
    applyKey(db, key);
    const left = leftAsItWas(walExisted);
    verifyReadable(db, file, left);
    if (!create && !walExisted) verifyLength(db, file);

    const version = readSchemaVersion(db);
    if (version > migrations.length) throw new StoreTooNew(file, version, migrations.length, left);

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Sorts and temporary indexes stay in memory: SQLCipher does not encrypt temporary files.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 10000');
    // Every page read from disk is decrypted: a cache big enough for the card indexes saves most of that work.
    db.pragma('cache_size = -65536');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A copy (a backup, a snapshot) opened read-only to check it: nothing is written beside it, not even a -wal. */
export function openReadOnly(file: string, key: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    verifyWholePages(file);
    applyKey(db, key);
    verifyReadable(db, file, leftAsItWas(false));
    verifyLength(db, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A store that cannot be written, read from a private copy of its files (see read-only-copy.ts); errors name the
 * store's own file, `shownAs`. A store older than this Giftdesk is opened too: a caller refuses it if it must be current.
 */
export function openCopyReadOnly(options: { file: string; shownAs: string; walCopied: boolean; key: string; migrations: readonly Migration[] }): Db {
  const { file, shownAs, walCopied, key, migrations } = options;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!walCopied) verifyWholePages(file, shownAs);
    applyKey(db, key);
    verifyReadable(db, shownAs, leftAsItWas(false));
    if (!walCopied) verifyLength(db, file, shownAs);
    const version = readSchemaVersion(db);
    if (version > migrations.length) throw new StoreTooNew(shownAs, version, migrations.length);
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** SQLCipher 4 with a raw 256-bit key: opening costs no key derivation (the key is random, not a password). */
function applyKey(db: Db, key: string): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key}'"`);
}

/** Every SQLite page size is a multiple of 512: a file that is not was cut short (or is something else). */
function verifyWholePages(file: string, shownAs = file): void {
  const size = statSync(file).size;
  if (size === 0 || size % 512 !== 0) {
    throw new StoreCorrupt(shownAs, `it is ${size} bytes long, which is not a whole number of database pages`);
  }
}

function verifyReadable(db: Db, file: string, left: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new StoreKeyRejected(file, left, err);
    if (code === 'SQLITE_CORRUPT') throw new StoreCorrupt(file, 'its structure does not check out', left, err);
    throw err;
  }
}

/**
 * A cleanly closed store is a whole number of pages, as many as its header says. SQLite notices a file shorter than
 * its header only when it reaches the missing pages; checking here turns a truncated file into an error at open time.
 */
function verifyLength(db: Db, file: string, shownAs = file): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const size = statSync(file).size;
  if (size !== pageSize * pageCount) {
    throw new StoreCorrupt(shownAs, `it is ${size} bytes long where ${pageCount} pages of ${pageSize} bytes were expected`);
  }
}
