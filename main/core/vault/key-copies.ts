import { hkdfSync } from 'node:crypto';
import { unwrapKey, wrapKey } from './key-wrap';
import { derivePasscodeKey, newKdfParams, type KdfCost } from './passcode-kdf';
import { parseRecoveryKey, recoveryWrappingKey } from './recovery-key';
import { copyAad, type VaultRecord } from './vault-record';

// The two wrapped copies of the database key. The passcode copy needs both the device secret (keychain) and the
// Argon2id key of the passcode, combined by HKDF, so neither alone opens it. The recovery copy needs the recovery key.

async function passcodeWrappingKey(passcode: string, kdf: VaultRecord['passcode']['kdf'], deviceSecret: Buffer): Promise<Buffer> {
  const stretched = await derivePasscodeKey(passcode, kdf);
  return Buffer.from(hkdfSync('sha256', Buffer.concat([stretched, deviceSecret]), Buffer.alloc(0), 'giftdesk passcode copy v1', 32));
}

export async function makePasscodeCopy(options: {
  storeId: string;
  databaseKey: Buffer;
  passcode: string;
  deviceSecret: Buffer;
  deviceSecretId: string;
  cost: KdfCost;
  now: number;
}): Promise<VaultRecord['passcode']> {
  const kdf = newKdfParams(options.cost);
  const kek = await passcodeWrappingKey(options.passcode, kdf, options.deviceSecret);
  return {
    deviceSecretId: options.deviceSecretId,
    kdf,
    wrapped: wrapKey(options.databaseKey, kek, copyAad.passcode(options.storeId)),
    setAt: options.now,
  };
}

export async function openPasscodeCopy(copy: VaultRecord['passcode'], storeId: string, passcode: string, deviceSecret: Buffer): Promise<Buffer | null> {
  const kek = await passcodeWrappingKey(passcode, copy.kdf, deviceSecret);
  return unwrapKey(copy.wrapped, kek, copyAad.passcode(storeId));
}

export function makeRecoveryCopy(storeId: string, databaseKey: Buffer, recovery: Buffer, now: number): VaultRecord['recovery'] {
  return { wrapped: wrapKey(databaseKey, recoveryWrappingKey(recovery, storeId), copyAad.recovery(storeId)), madeAt: now };
}

/** The database key, or null when the typed key is malformed or not this store's. */
export function openRecoveryCopy(copy: VaultRecord['recovery'], storeId: string, typed: string): Buffer | null {
  const recovery = parseRecoveryKey(typed);
  if (!recovery) return null;
  return unwrapKey(copy.wrapped, recoveryWrappingKey(recovery, storeId), copyAad.recovery(storeId));
}
