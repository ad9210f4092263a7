import { randomBytes } from 'node:crypto';
import type { Keychain } from '../secrets/keychain';
import { DeviceSecretMalformed } from './errors';

// The device secret: 32 random bytes, the only thing the keychain holds for a store. Its entry carries an id of its
// own (kept in store.json) as well as the store's, so a store restored beside its original on the same computer
// gets its own entry and never overwrites the original's.

import { deviceSecretName } from './device-secret-name';

export { deviceSecretName };

export function newDeviceSecret(): Buffer {
  return randomBytes(32);
}

/** The device secret, or null when the keychain has none; one that is there but not what Giftdesk wrote is an error. */
export async function readDeviceSecret(keychain: Keychain, storeId: string, secretId: string): Promise<Buffer | null> {
  const hex = await keychain.get(deviceSecretName(storeId, secretId));
  if (hex === null) return null;
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new DeviceSecretMalformed(storeId);
  return Buffer.from(hex, 'hex');
}

export async function saveDeviceSecret(keychain: Keychain, storeId: string, secretId: string, secret: Buffer): Promise<void> {
  await keychain.set(deviceSecretName(storeId, secretId), secret.toString('hex'));
}

export async function deleteDeviceSecret(keychain: Keychain, storeId: string, secretId: string): Promise<void> {
  await keychain.delete(deviceSecretName(storeId, secretId));
}
