import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Keychain } from '../secrets/keychain';
import { secretNames } from '../secrets/keychain';
import { readDatabaseKey } from '../store/database-key';
import { DataFolderNotWritable, StoreKeyMalformed, StoreKeyMissing, StoreMissing, StoreReadOnly, type ReadOnlyReason } from '../store/errors';
import { ensurePrivateDir } from '../store/private-files';
import { IDENTITY_FILE, readStoreIdentity, writeStoreIdentity, type StoreIdentity } from '../store/store-identity';
import { checkPasscode } from './check-passcode';
import { deleteDeviceSecret, deviceSecretName, newDeviceSecret, readDeviceSecret, saveDeviceSecret } from './device-secret';
import { DeviceSecretMissing, PasscodeTooWeak, PasscodeWait, PasscodeWrong, RecoveryKeyWrong, UnlockCancelled, VaultRecordInvalid } from './errors';
import { makePasscodeCopy, makeRecoveryCopy, openPasscodeCopy, openRecoveryCopy } from './key-copies';
import type { KdfCost } from './passcode-kdf';
import { assertStrongPasscode } from './passcode-strength';
import { newRecoveryKey } from './recovery-key';
import type { NewPasscodeReason, UnlockPrompt } from './unlock-prompt';
import { readVaultedIdentity, updateVault } from './vault-file';
import type { FailedAttempts, VaultRecord } from './vault-record';

export interface VaultAccess {
  keychain: Keychain;
  prompt: UnlockPrompt;
  /** The Argon2id cost of passcode copies made from now on (existing copies keep the cost they were made with). */
  cost: KdfCost;
  now: () => number;
}

export interface UnlockedStoreKey {
  storeId: string;
  databaseKey: Buffer;
  /** This open makes the store: nothing was in the data folder. */
  created: boolean;
  /** Wrong passcodes before this unlock; the caller copies them to the audit log, then clears them. */
  failures?: FailedAttempts;
  /**
   * What is left once the database has opened with the key: a new store's recovery key shown, an old store given its
   * passcode, or a store opened with its recovery key given a new passcode and device secret.
   */
  afterOpen(): Promise<void>;
}

/**
 * Finds the database key of a data folder, asking through the prompt for what it takes. Nothing here writes a
 * database file; on refusal only store.json's count of wrong passcodes changes. In a folder that cannot be written
 * (`readOnly`), nothing is written at all: the ways in that write store.json are refused before anything is asked.
 */
export async function unlockStoreKey(dataDir: string, databaseFile: string, access: VaultAccess, readOnly: ReadOnlyReason | null = null): Promise<UnlockedStoreKey> {
  const identity = readStoreIdentity(dataDir);
  if (!identity) {
    if (existsSync(databaseFile)) {
      throw new StoreKeyMissing(databaseFile, 'the database is there but store.json, which holds its wrapped key, is not');
    }
    if (readOnly) throw new DataFolderNotWritable(dataDir, readOnly);
    return createVault(dataDir, access);
  }
  if (!existsSync(databaseFile)) throw new StoreMissing(databaseFile);
  if (!identity.vault) {
    if (readOnly) throw new StoreReadOnly(dataDir, readOnly, 'this store was made before the passcode, and giving it one writes store.json');
    return upgradeLegacyStore(dataDir, databaseFile, identity, access);
  }
  return openVault(dataDir, identity.storeId, identity.vault, access, readOnly);
}

async function createVault(dataDir: string, access: VaultAccess): Promise<UnlockedStoreKey> {
  const storeId = randomUUID();
  // Ask the keychain first: a person should not choose a passcode for a store that cannot be made.
  await access.keychain.get(deviceSecretName(storeId, randomUUID()));
  const passcode = await askNewPasscode(access.prompt, storeId, 'new-store');
  const databaseKey = randomBytes(32);
  const made = await firstVault(storeId, databaseKey, passcode, access);
  // The keychain before any file: a keychain that refuses leaves the data folder as it was.
  await saveDeviceSecret(access.keychain, storeId, made.vault.passcode.deviceSecretId, made.deviceSecret);
  ensurePrivateDir(dataDir);
  writeStoreIdentity(dataDir, { storeId, createdAt: made.vault.passcode.setAt, vault: made.vault });
  return {
    storeId,
    databaseKey,
    created: true,
    afterOpen: () => access.prompt.showRecoveryKey({ storeId, recoveryKey: made.recoveryKey }),
  };
}

/** Both wrapped copies of a database key, under a new device secret (for the caller to save) and a new recovery key. */
async function firstVault(storeId: string, databaseKey: Buffer, passcode: string, access: VaultAccess) {
  const recovery = newRecoveryKey();
  const deviceSecret = newDeviceSecret();
  const now = access.now();
  const vault: VaultRecord = {
    version: 1,
    passcode: await makePasscodeCopy({ storeId, databaseKey, passcode, deviceSecret, deviceSecretId: randomUUID(), cost: access.cost, now }),
    recovery: makeRecoveryCopy(storeId, databaseKey, recovery.bytes, now),
  };
  return { vault, deviceSecret, recoveryKey: recovery.text };
}

/** A store from before the vault: its plain key is in the keychain. It is wrapped once the database has opened with it. */
async function upgradeLegacyStore(dataDir: string, databaseFile: string, identity: StoreIdentity, access: VaultAccess): Promise<UnlockedStoreKey> {
  const { storeId } = identity;
  const legacy = await readDatabaseKey(access.keychain, storeId);
  if (legacy.state === 'missing') {
    throw new StoreKeyMissing(databaseFile, `the system keychain reached from here holds no key for it (Giftdesk / ${secretNames.databaseKey(storeId)})`);
  }
  if (legacy.state === 'malformed') throw new StoreKeyMalformed(databaseFile, storeId);
  const databaseKey = Buffer.from(legacy.key, 'hex');
  return {
    storeId,
    databaseKey,
    created: false,
    async afterOpen() {
      const passcode = await askNewPasscode(access.prompt, storeId, 'upgrade');
      const { vault, deviceSecret, recoveryKey } = await firstVault(storeId, databaseKey, passcode, access);
      await saveDeviceSecret(access.keychain, storeId, vault.passcode.deviceSecretId, deviceSecret);
      writeStoreIdentity(dataDir, { ...identity, vault });
      // The plain key goes only once both copies are on disk and open again from there.
      const written = readVaultedIdentity(dataDir).vault;
      const again = await openPasscodeCopy(written.passcode, storeId, passcode, deviceSecret);
      if (!again?.equals(databaseKey) || !openRecoveryCopy(written.recovery, storeId, recoveryKey)?.equals(databaseKey)) {
        throw new VaultRecordInvalid(path.join(dataDir, IDENTITY_FILE), 'the wrapped copies just written did not read back; the old keychain entry was kept');
      }
      await access.keychain.delete(secretNames.databaseKey(storeId));
      await access.prompt.showRecoveryKey({ storeId, recoveryKey });
    },
  };
}

async function openVault(dataDir: string, storeId: string, vault: VaultRecord, access: VaultAccess, readOnly: ReadOnlyReason | null): Promise<UnlockedStoreKey> {
  // Both ways in without the passcode end by setting a new one in store.json.
  const refuseRecoveryIfReadOnly = () => {
    if (readOnly) throw new StoreReadOnly(dataDir, readOnly, 'opening it with the recovery key sets a new passcode in store.json');
  };
  const hasDeviceSecret = (await readDeviceSecret(access.keychain, storeId, vault.passcode.deviceSecretId)) !== null;
  if (!hasDeviceSecret) {
    refuseRecoveryIfReadOnly();
    return openWithRecoveryKey(dataDir, storeId, vault, access, new DeviceSecretMissing(storeId, vault.passcode.deviceSecretId));
  }
  let error: PasscodeWrong | PasscodeWait | RecoveryKeyWrong | undefined;
  for (;;) {
    const answer = await access.prompt.ask({ need: 'passcode', storeId, error });
    if (!answer) throw error ?? new UnlockCancelled('passcode');
    if ('recoveryKey' in answer) {
      refuseRecoveryIfReadOnly();
      const databaseKey = openRecoveryCopy(vault.recovery, storeId, answer.recoveryKey);
      if (databaseKey) return recovered(dataDir, storeId, databaseKey, access, vault.failures);
      error = new RecoveryKeyWrong();
      continue;
    }
    try {
      // A wrong passcode is counted in store.json, except where it cannot be written.
      const { databaseKey, failures } = await checkPasscode(dataDir, access.keychain, access.now, answer.passcode, { count: !readOnly });
      return {
        storeId,
        databaseKey,
        created: false,
        failures,
        // A crash halfway through an upgrade can leave the old plain key behind: it goes now.
        afterOpen: async () => void (await access.keychain.delete(secretNames.databaseKey(storeId))),
      };
    } catch (err) {
      if (err instanceof DeviceSecretMissing) {
        refuseRecoveryIfReadOnly();
        return openWithRecoveryKey(dataDir, storeId, vault, access, err);
      }
      if (!(err instanceof PasscodeWrong || err instanceof PasscodeWait)) throw err;
      error = err;
    }
  }
}

async function openWithRecoveryKey(
  dataDir: string,
  storeId: string,
  vault: VaultRecord,
  access: VaultAccess,
  missing: DeviceSecretMissing,
): Promise<UnlockedStoreKey> {
  let error: RecoveryKeyWrong | undefined;
  for (;;) {
    const answer = await access.prompt.ask({ need: 'recovery-key', storeId, reason: 'device-secret-missing', because: missing, error });
    if (!answer || !('recoveryKey' in answer)) throw error ?? missing;
    const databaseKey = openRecoveryCopy(vault.recovery, storeId, answer.recoveryKey);
    if (databaseKey) return recovered(dataDir, storeId, databaseKey, access, vault.failures);
    error = new RecoveryKeyWrong();
  }
}

/** Opened with the recovery key: once the database opens, a new passcode and a new device secret replace the old. */
function recovered(dataDir: string, storeId: string, databaseKey: Buffer, access: VaultAccess, failures?: FailedAttempts): UnlockedStoreKey {
  return {
    storeId,
    databaseKey,
    created: false,
    failures,
    afterOpen: () => setNewPasscode(dataDir, storeId, databaseKey, access, 'recovered'),
  };
}

/** A new passcode copy under a new device secret; the recovery copy stays. Used after recovery and after a restore. */
export async function setNewPasscode(dataDir: string, storeId: string, databaseKey: Buffer, access: VaultAccess, reason: NewPasscodeReason): Promise<void> {
  const passcode = await askNewPasscode(access.prompt, storeId, reason);
  const deviceSecretId = randomUUID();
  const deviceSecret = newDeviceSecret();
  const copy = await makePasscodeCopy({ storeId, databaseKey, passcode, deviceSecret, deviceSecretId, cost: access.cost, now: access.now() });
  await saveDeviceSecret(access.keychain, storeId, deviceSecretId, deviceSecret);
  const before = readVaultedIdentity(dataDir).vault.passcode.deviceSecretId;
  updateVault(dataDir, ({ failures: _, ...v }) => ({ ...v, passcode: copy }));
  await deleteDeviceSecret(access.keychain, storeId, before);
}

/** Asks until the prompt gives a passcode strong enough, or gives up. */
export async function askNewPasscode(prompt: UnlockPrompt, storeId: string, reason: NewPasscodeReason): Promise<string> {
  let error: PasscodeTooWeak | undefined;
  for (;;) {
    const answer = await prompt.ask({ need: 'new-passcode', storeId, reason, error });
    if (!answer || !('passcode' in answer)) throw error ?? new UnlockCancelled('new passcode');
    try {
      assertStrongPasscode(answer.passcode);
      return answer.passcode;
    } catch (err) {
      if (!(err instanceof PasscodeTooWeak)) throw err;
      error = err;
    }
  }
}
