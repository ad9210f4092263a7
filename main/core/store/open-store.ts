import path from 'node:path';
import { unlockStoreKey, type UnlockedStoreKey, type VaultAccess } from '../vault/unlock-store-key';
import type { FailedAttempts } from '../vault/vault-record';
import { dataFolderReadOnly } from './data-folder';
import { StoreReadOnly, type ReadOnlyReason } from './errors';
import { readSchemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { openCopyReadOnly, openDatabase, type Db } from './open-database';
import { createPrivateFile, ensurePrivateDir, tightenPrivateTree } from './private-files';
import { readOnlyCopy } from './read-only-copy';

export const DATABASE_FILE = 'giftdesk.db';
const CHECKPOINT_EVERY_MS = 30_000;

export interface OpenStore {
  db: Db;
  storeId: string;
  file: string;
  /** True when this open made the store: the first run in this data folder. */
  created: boolean;
  /** What a worker thread of this process needs to open its own connection (the key never leaves the process). */
  connection: { file: string; key: string };
  /** Runs `fn` as one write transaction (taken at once, so two processes never interleave inside it). */
  transaction<T>(fn: () => T): T;
  /** The database key, for the vault's rewrapping while the store is open. */
  databaseKey: Buffer;
  /** Wrong passcodes before this open, for the audit log. */
  failures?: FailedAttempts;
  /** Why the data folder cannot be written, when it cannot: the store is then open for reading only. */
  readOnly: ReadOnlyReason | null;
  close(): void;
}

/** What a data folder that cannot be written gets: opened for reading (the CLI's listings), or refused outright. */
export type WhenReadOnly = 'open-read-only' | 'refuse';

/**
 * Opens the data folder's store once the vault has given its key (see vault/unlock-store-key.ts). On first use the
 * device secret is saved in the keychain before any file is written, so a keychain that refuses leaves nothing
 * behind. On later uses nothing is ever created over what is there, and a refusal leaves the database files as they were.
 */
export async function openStore(options: {
  dataDir: string;
  access: VaultAccess;
  migrations?: readonly Migration[];
  whenReadOnly?: WhenReadOnly;
}): Promise<OpenStore> {
  const { dataDir, access } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const file = path.join(dataDir, DATABASE_FILE);
  const readOnly = dataFolderReadOnly(dataDir);
  if (readOnly && options.whenReadOnly !== 'open-read-only') {
    throw new StoreReadOnly(dataDir, readOnly, 'the desktop app writes to it from the start (every reveal, print and lock is recorded)');
  }
  const unlocked = await unlockStoreKey(dataDir, file, access, readOnly);
  if (readOnly) return openStoreReadOnly(dataDir, file, unlocked, readOnly, migrations);
  const key = unlocked.databaseKey.toString('hex');

  ensurePrivateDir(dataDir);
  if (unlocked.created) createPrivateFile(file);
  else tightenPrivateTree(dataDir);
  const db = openDatabase({ file, key, create: unlocked.created, migrations });
  try {
    await unlocked.afterOpen();
  } catch (err) {
    db.close();
    throw err;
  }
  // This connection serves the UI and the engine's small commits: it leaves checkpoints to the card writer thread,
  // which does the big writes, and to a passive checkpoint now and then, so no commit here pays for copying the WAL.
  db.pragma('wal_autocheckpoint = 0');
  const checkpoints = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), CHECKPOINT_EVERY_MS);
  checkpoints.unref();
  return {
    db,
    storeId: unlocked.storeId,
    file,
    created: unlocked.created,
    connection: { file, key },
    transaction: (fn) => db.transaction(fn).immediate(),
    databaseKey: unlocked.databaseKey,
    failures: unlocked.failures,
    readOnly: null,
    close: () => {
      clearInterval(checkpoints);
      db.close();
    },
  };
}

/**
 * A store in a folder this process cannot write: read from a private copy, with no migration, no checkpoint, no
 * tightening of modes and no transaction (each says why it cannot be done). Nothing in the data folder changes.
 */
async function openStoreReadOnly(
  dataDir: string,
  file: string,
  unlocked: UnlockedStoreKey,
  readOnly: ReadOnlyReason,
  migrations: readonly Migration[],
): Promise<OpenStore> {
  const key = unlocked.databaseKey.toString('hex');
  const copy = readOnlyCopy(file);
  let db: Db | undefined;
  try {
    db = openCopyReadOnly({ file: copy.file, shownAs: file, walCopied: copy.walCopied, key, migrations });
    if (readSchemaVersion(db) < migrations.length) {
      throw new StoreReadOnly(dataDir, readOnly, 'its store was written by an older Giftdesk and must first be brought up to date, which writes to it');
    }
    await unlocked.afterOpen();
  } catch (err) {
    db?.close();
    copy.remove();
    throw err;
  }
  const opened = db;
  return {
    db: opened,
    storeId: unlocked.storeId,
    file,
    created: false,
    connection: { file: copy.file, key },
    transaction: () => {
      throw new StoreReadOnly(dataDir, readOnly);
    },
    databaseKey: unlocked.databaseKey,
    failures: unlocked.failures,
    readOnly,
    close: () => {
      opened.close();
      copy.remove();
    },
  };
}
