import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Keychain } from '../secrets/keychain';
import { IDENTITY_FILE } from '../store/store-identity';
import { checkPasscode, clearFailures } from './check-passcode';
import { readDeviceSecret } from './device-secret';
import { DeviceSecretMissing, PasscodeTooWeak, VaultRecordInvalid } from './errors';
import { makePasscodeCopy, makeRecoveryCopy } from './key-copies';
import type { KdfCost } from './passcode-kdf';
import { assertStrongPasscode } from './passcode-strength';
import { writeRecoveryKit } from './recovery-kit';
import { newRecoveryKey } from './recovery-key';
import { nextAttemptAt } from './unlock-throttle';
import { readVaultedIdentity, updateVault } from './vault-file';
import type { FailedAttempts } from './vault-record';

export interface VaultStatus {
  storeId: string;
  passcodeSetAt: number;
  recoveryKeyMadeAt: number;
  /** Wrong passcodes since the last successful one, and when the next try may be checked. */
  failedAttempts: number;
  nextAttemptAt: number | null;
  kdf: { algorithm: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number };
  restoredFrom: { backupCreatedAt: number; restoredAt: number } | null;
}

/**
 * The vault of an open store: the passcode checked again (unlocking a locked app, or before a sensitive act), the
 * passcode changed, a new recovery key. The store stays open throughout; only store.json and the keychain change.
 */
export function createVault(options: {
  dataDir: string;
  storeId: string;
  databaseKey: Buffer;
  keychain: Keychain;
  cost: KdfCost;
  now: () => number;
  /** Copies wrong passcodes into the audit log at the next right one. */
  recordFailures: (failures: FailedAttempts) => void;
}) {
  const { dataDir, storeId, databaseKey, keychain, cost, now } = options;

  const report = (failures: FailedAttempts | undefined) => {
    if (!failures) return;
    options.recordFailures(failures);
    clearFailures(dataDir, failures);
  };

  async function verifyPasscode(passcode: string): Promise<void> {
    const checked = await checkPasscode(dataDir, keychain, now, passcode);
    // A copy that opens but holds another key is not this store's: refuse rather than trust store.json.
    if (!checked.databaseKey.equals(databaseKey)) throw new VaultRecordInvalid(path.join(dataDir, IDENTITY_FILE), 'its passcode copy holds the key of another store');
    report(checked.failures);
  }

  return {
    status(): VaultStatus {
      const { vault } = readVaultedIdentity(dataDir);
      const { salt: _, ...kdf } = vault.passcode.kdf;
      return {
        storeId,
        passcodeSetAt: vault.passcode.setAt,
        recoveryKeyMadeAt: vault.recovery.madeAt,
        failedAttempts: vault.failures?.count ?? 0,
        nextAttemptAt: vault.failures ? nextAttemptAt(vault.failures) : null,
        kdf,
        restoredFrom: vault.restoredFrom ?? null,
      };
    },

    /** Resolves when the passcode is right; PasscodeWrong, PasscodeWait or DeviceSecretMissing otherwise. */
    verifyPasscode,

    /** Checks the old passcode (counted like any attempt), judges the new one, and rewraps under a fresh salt. */
    async changePasscode(oldPasscode: string, newPasscode: string): Promise<void> {
      assertStrongPasscode(newPasscode);
      if (newPasscode === oldPasscode) throw new PasscodeTooWeak('The new passcode is the same as the old one: choose another.');
      await verifyPasscode(oldPasscode);
      const { vault } = readVaultedIdentity(dataDir);
      const deviceSecret = await readDeviceSecret(keychain, storeId, vault.passcode.deviceSecretId);
      if (!deviceSecret) throw new DeviceSecretMissing(storeId, vault.passcode.deviceSecretId);
      const copy = await makePasscodeCopy({
        storeId,
        databaseKey,
        passcode: newPasscode,
        deviceSecret,
        deviceSecretId: vault.passcode.deviceSecretId,
        cost,
        now: now(),
      });
      updateVault(dataDir, (v) => ({ ...v, passcode: copy }));
    },

    /** A new recovery copy; the old recovery key stops opening this store. Returns the new key, to be shown once. */
    async newRecoveryKey(): Promise<string> {
      const recovery = newRecoveryKey();
      updateVault(dataDir, (v) => ({ ...v, recovery: makeRecoveryCopy(storeId, databaseKey, recovery.bytes, now()) }));
      return recovery.text;
    },

    /**
     * A new recovery key and its printable kit. The PDF is written first: if store.json cannot be updated after it,
     * the PDF goes and the old key keeps working, so no working key ever exists only in memory.
     */
    async makeRecoveryKit(file: string, options: { partialPath?: string } = {}): Promise<{ recoveryKey: string }> {
      const recovery = newRecoveryKey();
      const madeAt = now();
      await writeRecoveryKit(file, { storeId, recoveryKey: recovery.text, madeAt }, options.partialPath);
      try {
        updateVault(dataDir, (v) => ({ ...v, recovery: makeRecoveryCopy(storeId, databaseKey, recovery.bytes, madeAt) }));
      } catch (err) {
        await rm(file, { force: true });
        throw err;
      }
      return { recoveryKey: recovery.text };
    },

    /** The failures an open found, copied to the audit log and cleared. */
    report,
  };
}

export type Vault = ReturnType<typeof createVault>;
