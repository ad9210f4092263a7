import path from 'node:path';
import { unlockStoreKey, type VaultAccess } from '../vault/unlock-store-key';
import type { FailedAttempts } from '../vault/vault-record';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { openDatabase, type Db } from './open-database';
import { createPrivateFile, ensurePrivateDir, tightenPrivateTree } from './private-files';

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
  close(): void;
}

/**
 * Opens the data folder's store once the vault has given its key (see vault/unlock-store-key.ts). On first use the
 * device secret is saved in the keychain before any file is written, so a keychain that refuses leaves nothing
 * behind. On later uses nothing is ever created over what is there, and a refusal leaves the database files as they were.
 */
export async function openStore(options: { dataDir: string; access: VaultAccess; migrations?: readonly Migration[] }): Promise<OpenStore> {
  const { dataDir, access } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const file = path.join(dataDir, DATABASE_FILE);
  const unlocked = await unlockStoreKey(dataDir, file, access);
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
    close: () => {
      clearInterval(checkpoints);
      db.close();
    },
  };
}
