import { secretNames, type Keychain } from '../secrets/keychain';

/**
 * The plain database key of a store made before the vault, as it was kept in the keychain (64 hex digits). It is
 * read once, when such a store is first opened, wrapped by the vault and then removed (vault/unlock-store-key.ts).
 */
export type DatabaseKeyReading = { state: 'found'; key: string } | { state: 'missing' } | { state: 'malformed' };

export async function readDatabaseKey(keychain: Keychain, storeId: string): Promise<DatabaseKeyReading> {
  const key = await keychain.get(secretNames.databaseKey(storeId));
  if (key === null) return { state: 'missing' };
  return /^[0-9a-f]{64}$/.test(key) ? { state: 'found', key } : { state: 'malformed' };
}
