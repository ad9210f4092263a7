import path from 'node:path';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { openDatabase, type Db } from '../../main/core/store/open-database';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { databaseKeyOf } from './vault';

/**
 * The store's database on a connection of the test's own, opened as someone holding the recovery key could: to read
 * what the application layer does not show, or to break the store on purpose. The core may have it open meanwhile.
 */
export function openRawDb(dataDir: string): Db {
  return openDatabase({ file: path.join(dataDir, DATABASE_FILE), key: databaseKeyOf(dataDir), create: false, migrations: MIGRATIONS });
}

/** Runs `read` on a raw connection and closes it. */
export function withRawDb<T>(dataDir: string, read: (db: Db) => T): T {
  const db = openRawDb(dataDir);
  try {
    return read(db);
  } finally {
    db.close();
  }
}
