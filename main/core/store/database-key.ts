import { randomBytes } from 'node:crypto';
import { secretNames, type Keychain } from '../secrets/keychain';

/** 32 random bytes as 64 hex digits: SQLCipher takes it as a raw key, so opening costs no key derivation. */
export function newDatabaseKey(): string {
  return randomBytes(32).toString('hex');
}

export async function readDatabaseKey(keychain: Keychain, storeId: string): Promise<string | null> {
  const key = await keychain.get(secretNames.databaseKey(storeId));
  return key !== null && /^[0-9a-f]{64}$/.test(key) ? key : null;
}

export async function saveDatabaseKey(keychain: Keychain, storeId: string, key: string): Promise<void> {
  await keychain.set(secretNames.databaseKey(storeId), key);
}
