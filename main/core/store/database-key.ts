import { randomBytes } from 'node:crypto';
import { secretNames, type Keychain } from '../secrets/keychain';

/** 32 random bytes as 64 hex digits: SQLCipher takes it as a raw key, so opening costs no key derivation. */
export function newDatabaseKey(): string {
  return randomBytes(32).toString('hex');
}

export type DatabaseKeyReading = { state: 'found'; key: string } | { state: 'missing' } | { state: 'malformed' };

/** The store's key from the keychain: there, not there, or there but not a key Giftdesk wrote (64 hex digits). */
export async function readDatabaseKey(keychain: Keychain, storeId: string): Promise<DatabaseKeyReading> {
  const key = await keychain.get(secretNames.databaseKey(storeId));
  if (key === null) return { state: 'missing' };
  return /^[0-9a-f]{64}$/.test(key) ? { state: 'found', key } : { state: 'malformed' };
}

export async function saveDatabaseKey(keychain: Keychain, storeId: string, key: string): Promise<void> {
  await keychain.set(secretNames.databaseKey(storeId), key);
}
