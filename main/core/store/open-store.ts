import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { secretNames, type Keychain } from '../secrets/keychain';
import { newDatabaseKey, readDatabaseKey, saveDatabaseKey } from './database-key';
import { StoreKeyMalformed, StoreKeyMissing, StoreMissing } from './errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { openDatabase, type Db } from './open-database';
import { readStoreIdentity, writeStoreIdentity } from './store-identity';

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
  close(): void;
}

/**
 * Opens the data folder's store. On first use the key is made and saved in the keychain before any file is written,
 * so a keychain that refuses leaves nothing behind. On later uses nothing is ever created over what is there.
 */
export async function openStore(options: {
  dataDir: string;
  keychain: Keychain;
  now: number;
  migrations?: readonly Migration[];
}): Promise<OpenStore> {
  const { dataDir, keychain, now } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const file = path.join(dataDir, DATABASE_FILE);
  let identity = readStoreIdentity(dataDir);
  let key: string;
  let create = false;

  if (identity) {
    const found = await readDatabaseKey(keychain, identity.storeId);
    if (found.state === 'missing') throw new StoreKeyMissing(file, `the system keychain reached from here holds no key for it (Giftdesk / ${secretNames.databaseKey(identity.storeId)})`);
    if (found.state === 'malformed') throw new StoreKeyMalformed(file, identity.storeId);
    if (!existsSync(file)) throw new StoreMissing(file);
    key = found.key;
  } else {
    if (existsSync(file)) throw new StoreKeyMissing(file, 'the database is there but store.json, which names its key, is not');
    key = newDatabaseKey();
    const storeId = randomUUID();
    await saveDatabaseKey(keychain, storeId, key);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    identity = writeStoreIdentity(dataDir, storeId, now);
    create = true;
  }

  const db = openDatabase({ file, key, create, migrations });
  // This connection serves the UI and the engine's small commits: it leaves checkpoints to the card writer thread,
  // which does the big writes, and to a passive checkpoint now and then, so no commit here pays for copying the WAL.
  db.pragma('wal_autocheckpoint = 0');
  const checkpoints = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), CHECKPOINT_EVERY_MS);
  checkpoints.unref();
  return {
    db,
    storeId: identity.storeId,
    file,
    created: create,
    connection: { file, key },
    transaction: (fn) => db.transaction(fn).immediate(),
    close: () => {
      clearInterval(checkpoints);
      db.close();
    },
  };
}
