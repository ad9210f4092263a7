import { readStoreIdentity } from '../../main/core/store/store-identity';
import { deviceSecretName } from '../../main/core/vault/device-secret';
import { openRecoveryCopy } from '../../main/core/vault/key-copies';
import { shownRecoveryKeys } from './core';

/** store.json's vault, as on disk. */
export function vaultOf(dataDir: string) {
  const identity = readStoreIdentity(dataDir);
  if (!identity?.vault) throw new Error(`${dataDir} has no vault`);
  return { storeId: identity.storeId, vault: identity.vault };
}

/** The recovery key the test prompt was shown when the store was made. */
export function recoveryKeyOf(dataDir: string): string {
  const key = shownRecoveryKeys.get(vaultOf(dataDir).storeId);
  if (!key) throw new Error('no recovery key was shown for this store');
  return key;
}

/** The database key, as a person holding the recovery key could get it: to tamper with the file as an attacker would. */
export function databaseKeyOf(dataDir: string): string {
  return databaseKeyOfRecovery(dataDir, recoveryKeyOf(dataDir));
}

export function databaseKeyOfRecovery(dataDir: string, recoveryKey: string): string {
  const { storeId, vault } = vaultOf(dataDir);
  const key = openRecoveryCopy(vault.recovery, storeId, recoveryKey);
  if (!key) throw new Error('the recovery key did not open the store');
  return key.toString('hex');
}

/** The keychain entry of the store's device secret. */
export function deviceSecretEntry(dataDir: string): string {
  const { storeId, vault } = vaultOf(dataDir);
  return deviceSecretName(storeId, vault.passcode.deviceSecretId);
}
