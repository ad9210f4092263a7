import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../../fs/write-durably';
import { createAccountSecrets } from '../../secrets/account-secrets';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../store/migrations';
import { DATABASE_FILE } from '../../store/open-store';
import { openDatabase, type Db } from '../../store/open-database';
import { PRIVATE_DIR } from '../../store/private-files';
import { writeStoreIdentity } from '../../store/store-identity';
import { deleteDeviceSecret, newDeviceSecret, saveDeviceSecret } from '../device-secret';
import { RecoveryKeyWrong } from '../errors';
import { makePasscodeCopy, openRecoveryCopy } from '../key-copies';
import { askNewPasscode, type VaultAccess } from '../unlock-store-key';
import { extractDatabase, readBackupHeader, unseal, type BackupCounts, type BackupHeader } from './backup-file';
import { checkIntegrity, countRows } from '../../store/snapshot';
import { describeCounts, sameCounts } from './check-copy';
import { timeStamp } from './backup-names';
import { BackupInvalid, BackupTooNew, RestoreTargetInUse } from './errors';

export interface RestoreResult {
  storeId: string;
  dataDir: string;
  counts: BackupCounts;
  backupCreatedAt: number;
  /** Where the folder that was replaced now is (it is never deleted). */
  replacedFolder: string | null;
  /** Accounts whose API key or certificate passphrase came back from the backup into the keychain. */
  secretsRestored: number;
}

/**
 * Restores a backup into a data folder, on any computer, with the recovery key alone (asked through the prompt),
 * then asks for a new passcode and makes a new device secret. The store is rebuilt and checked in a folder beside the
 * target and moved into place only when whole; a folder that already holds files is refused unless `replace` is
 * set, and then renamed aside. A backup from a newer Giftdesk is refused before anything is asked.
 */
export interface RestoreFacts {
  backupCreatedAt: number;
  counts: BackupCounts;
  /** Accounts whose secrets the backup carries, to be put back into the keychain. */
  secretsRestored: number;
  /** The data folder held files, which are renamed aside. */
  replacing: boolean;
}

export async function restoreBackup(options: {
  file: string;
  dataDir: string;
  replace?: boolean;
  access: VaultAccess;
  /** Writes into the restored store, once it checks out and before it is moved into place (the audit entry of the restore). */
  record?: (db: Db, facts: RestoreFacts) => void;
}): Promise<RestoreResult> {
  const { file, access } = options;
  const dataDir = path.resolve(options.dataDir);
  const { header, databaseOffset } = readBackupHeader(file);
  if (header.schemaVersion > LATEST_SCHEMA_VERSION) throw new BackupTooNew(file, header.schemaVersion, LATEST_SCHEMA_VERSION, header.appVersion);
  const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (occupied && !options.replace) throw new RestoreTargetInUse(dataDir);

  const databaseKey = await askRecoveryKey(header, access);
  const sealed = unseal(file, databaseKey, header);
  const passcode = await askNewPasscode(access.prompt, header.storeId, 'restored');

  mkdirSync(path.dirname(dataDir), { recursive: true, mode: PRIVATE_DIR });
  const staging = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
  const deviceSecretId = randomUUID();
  let secretSaved = false;
  try {
    mkdirSync(staging, { mode: PRIVATE_DIR });
    const databaseFile = path.join(staging, DATABASE_FILE);
    extractDatabase(file, header, databaseOffset, databaseFile);
    const facts: RestoreFacts = { backupCreatedAt: header.createdAt, counts: sealed.counts, secretsRestored: Object.keys(sealed.secrets ?? {}).length, replacing: occupied };
    checkRestored(file, databaseFile, databaseKey, sealed.counts, options.record && ((db) => options.record!(db, facts)));

    const now = access.now();
    const deviceSecret = newDeviceSecret();
    const passcodeCopy = await makePasscodeCopy({ storeId: header.storeId, databaseKey, passcode, deviceSecret, deviceSecretId, cost: access.cost, now });
    await saveDeviceSecret(access.keychain, header.storeId, deviceSecretId, deviceSecret);
    secretSaved = true;
    writeStoreIdentity(staging, {
      storeId: header.storeId,
      createdAt: header.storeCreatedAt,
      vault: { version: 1, passcode: passcodeCopy, recovery: header.recovery, restoredFrom: { backupCreatedAt: header.createdAt, restoredAt: now } },
    });

    const replacedFolder = occupied ? `${dataDir}.replaced-${timeStamp(now)}` : null;
    if (replacedFolder) renameSync(dataDir, replacedFolder);
    else if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
    syncDirectory(path.dirname(dataDir));

    const secrets = createAccountSecrets(access.keychain);
    const restored = Object.entries(sealed.secrets ?? {});
    for (const [accountId, s] of restored) {
      if (s.apiKey !== undefined) await secrets.setApiKey(accountId, s.apiKey);
      if (s.certificatePassphrase !== undefined) await secrets.setCertificatePassphrase(accountId, s.certificatePassphrase);
    }
    return { storeId: header.storeId, dataDir, counts: sealed.counts, backupCreatedAt: header.createdAt, replacedFolder, secretsRestored: restored.length };
  } catch (err) {
    if (existsSync(staging)) {
      rmSync(staging, { recursive: true, force: true });
      if (secretSaved) await deleteDeviceSecret(access.keychain, header.storeId, deviceSecretId).catch(() => undefined);
    }
    throw err;
  }
}

async function askRecoveryKey(header: BackupHeader, access: VaultAccess): Promise<Buffer> {
  let error: RecoveryKeyWrong | undefined;
  for (;;) {
    const answer = await access.prompt.ask({ need: 'recovery-key', storeId: header.storeId, reason: 'restore', error });
    if (!answer || !('recoveryKey' in answer)) throw error ?? new RecoveryKeyWrong('No recovery key was given');
    const key = openRecoveryCopy(header.recovery, header.storeId, answer.recoveryKey);
    if (key) return key;
    error = new RecoveryKeyWrong('That recovery key does not open this backup');
  }
}

/** The restored database opens, upgrades to this Giftdesk's schema, passes integrity_check and holds what the backup said. */
function checkRestored(file: string, databaseFile: string, databaseKey: Buffer, expected: BackupCounts, record?: (db: Db) => void): void {
  const db = openDatabase({ file: databaseFile, key: databaseKey.toString('hex'), create: false, migrations: MIGRATIONS });
  try {
    const problem = checkIntegrity(db);
    if (problem) throw new BackupInvalid(file, `its database fails ${problem}`);
    const { counts } = countRows(db);
    if (!sameCounts(counts, expected)) throw new BackupInvalid(file, `it holds ${describeCounts(counts)} where its manifest says ${describeCounts(expected)}`);
    record?.(db);
  } finally {
    db.close();
  }
}
