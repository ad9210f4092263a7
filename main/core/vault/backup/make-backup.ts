import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../../fs/write-durably';
import { MIGRATIONS } from '../../store/migrations';
import { readSchemaVersion } from '../../store/migrate';
import { openDatabase, openReadOnly } from '../../store/open-database';
import { createPrivateFile } from '../../store/private-files';
import { vacuumInto } from '../../store/row-counts';
import { extractDatabase, readBackupHeader, seal, sha256OfFile, unseal, writeBackupFile, type BackupCounts, type BackupHeader, type BackupSecrets } from './backup-file';
import { checkIntegrity, countRows, countRowsUpTo, describeCounts, sameCounts } from './check-copy';
import { BackupVerifyFailed } from './errors';

export interface BackupJob {
  /** The store's database and its key (hex), opened here on a connection of its own. */
  databaseFile: string;
  key: string;
  outFile: string;
  storeId: string;
  storeCreatedAt: number;
  appVersion: string;
  createdAt: number;
  recovery: BackupHeader['recovery'];
  /** Account secrets from the keychain, only when the person chose to include them. */
  secrets?: BackupSecrets;
}

export interface BackupMade {
  file: string;
  bytes: number;
  counts: BackupCounts;
  schemaVersion: number;
}

/**
 * Makes one backup file and proves it before it counts. VACUUM INTO on a connection of its own copies a consistent
 * snapshot while orders go on being written; the copy's counts are checked against the source's as of that snapshot;
 * the backup is written under a temporary name, opened again from the file (header, checksum, sealed manifest,
 * integrity_check, counts) and only then renamed into place. Every temporary file is removed, whatever happens.
 * Synchronous: it runs on a worker thread (backup-worker.ts).
 */
export function makeBackup(job: BackupJob): BackupMade {
  const dir = path.dirname(job.outFile);
  const stem = `.${path.basename(job.outFile)}.${randomBytes(4).toString('hex')}`;
  const snapshot = path.join(dir, `${stem}.snapshot`);
  const partial = path.join(dir, `${stem}.partial`);
  const extracted = path.join(dir, `${stem}.verify`);
  const databaseKey = Buffer.from(job.key, 'hex');
  try {
    const source = openDatabase({ file: job.databaseFile, key: job.key, create: false, migrations: MIGRATIONS });
    let counts: BackupCounts;
    let schemaVersion: number;
    try {
      createPrivateFile(snapshot);
      vacuumInto(source, snapshot);
      const copy = openReadOnly(snapshot, job.key);
      try {
        const problem = checkIntegrity(copy);
        if (problem) throw new BackupVerifyFailed(`the snapshot fails ${problem}`);
        const found = countRows(copy);
        const expected = countRowsUpTo(source, found.marks);
        if (!sameCounts(found.counts, expected)) {
          throw new BackupVerifyFailed(`the snapshot holds ${describeCounts(found.counts)} where the store holds ${describeCounts(expected)}`);
        }
        counts = found.counts;
        schemaVersion = readSchemaVersion(copy);
      } finally {
        copy.close();
      }
    } finally {
      source.close();
    }

    const header: BackupHeader = {
      format: 1,
      storeId: job.storeId,
      storeCreatedAt: job.storeCreatedAt,
      schemaVersion,
      appVersion: job.appVersion,
      createdAt: job.createdAt,
      database: sha256OfFile(snapshot),
      recovery: job.recovery,
      sealed: seal(databaseKey, job.storeId, { counts, ...(job.secrets ? { secrets: job.secrets } : {}) }),
    };
    writeBackupFile(partial, header, snapshot);
    rmSync(snapshot, { force: true });

    try {
      verifyBackupFile(partial, databaseKey, extracted, { storeId: job.storeId, counts, schemaVersion });
    } catch (err) {
      throw err instanceof BackupVerifyFailed ? err : new BackupVerifyFailed(err instanceof Error ? err.message : String(err));
    }
    renameSync(partial, job.outFile);
    syncDirectory(dir);
    return { file: job.outFile, bytes: statSync(job.outFile).size, counts, schemaVersion };
  } finally {
    for (const f of [snapshot, partial, extracted]) rmSync(f, { force: true });
  }
}

/** Opens a written backup the way a restore does, with the database key instead of the recovery key. */
function verifyBackupFile(file: string, databaseKey: Buffer, extracted: string, expected: { storeId: string; counts: BackupCounts; schemaVersion: number }): void {
  const { header, databaseOffset } = readBackupHeader(file);
  if (header.storeId !== expected.storeId) throw new BackupVerifyFailed('its header names another store');
  const sealed = unseal(file, databaseKey, header);
  if (!sameCounts(sealed.counts, expected.counts)) throw new BackupVerifyFailed('its manifest does not hold the counts it was written with');
  extractDatabase(file, header, databaseOffset, extracted);
  const db = openReadOnly(extracted, databaseKey.toString('hex'));
  try {
    const problem = checkIntegrity(db);
    if (problem) throw new BackupVerifyFailed(`the written file fails ${problem}`);
    if (readSchemaVersion(db) !== expected.schemaVersion) throw new BackupVerifyFailed('the written file has another schema version');
    const { counts } = countRows(db);
    if (!sameCounts(counts, expected.counts)) {
      throw new BackupVerifyFailed(`the written file holds ${describeCounts(counts)} where ${describeCounts(expected.counts)} were backed up`);
    }
  } finally {
    db.close();
  }
}
