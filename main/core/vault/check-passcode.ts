import type { Keychain } from '../secrets/keychain';
import { readDeviceSecret } from './device-secret';
import { DeviceSecretMissing, PasscodeWrong } from './errors';
import { openPasscodeCopy } from './key-copies';
import { assertMayTry, waitSecondsAfter, withFailure } from './unlock-throttle';
import { readVaultedIdentity, updateVault } from './vault-file';
import type { FailedAttempts } from './vault-record';

export interface PasscodeChecked {
  databaseKey: Buffer;
  /** The wrong passcodes before this one, still in store.json until they are written to the audit log. */
  failures?: FailedAttempts;
}

/**
 * Checks a passcode the only way that proves it: by unwrapping the stored copy with it and the device secret. An
 * attempt inside the wait is refused unchecked (PasscodeWait); a wrong one is counted in store.json first, then
 * refused (PasscodeWrong, with the next wait). Only store.json is ever written here, and only when `count` is set.
 */
export async function checkPasscode(
  dataDir: string,
  keychain: Keychain,
  now: () => number,
  passcode: string,
  options: { count: boolean } = { count: true },
): Promise<PasscodeChecked> {
  const { storeId, vault } = readVaultedIdentity(dataDir);
  assertMayTry(vault.failures, now());
  const deviceSecret = await readDeviceSecret(keychain, storeId, vault.passcode.deviceSecretId);
  if (!deviceSecret) throw new DeviceSecretMissing(storeId, vault.passcode.deviceSecretId);
  const databaseKey = await openPasscodeCopy(vault.passcode, storeId, passcode, deviceSecret);
  if (databaseKey) return { databaseKey, failures: vault.failures };
  // A data folder that cannot be written cannot count it: said so, rather than failing on the write.
  if (!options.count) throw new PasscodeWrong((vault.failures?.count ?? 0) + 1, 0, false);
  // Counted against store.json as it is after the derivation, so attempts from several processes all add up.
  const { failures } = updateVault(dataDir, (v) => ({ ...v, failures: withFailure(v.failures, now()) })).vault;
  throw new PasscodeWrong(failures!.count, waitSecondsAfter(failures!.count));
}

/** After the failures have been copied to the audit log: forget them (and the wait), unless more came meanwhile. */
export function clearFailures(dataDir: string, reported: FailedAttempts): void {
  updateVault(dataDir, (v) => {
    if (!v.failures || v.failures.lastAt !== reported.lastAt) return v;
    const { failures: _, ...rest } = v;
    return rest;
  });
}
