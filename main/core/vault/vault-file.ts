import path from 'node:path';
import { IDENTITY_FILE, readStoreIdentity, writeStoreIdentity, type StoreIdentity } from '../store/store-identity';
import { VaultRecordInvalid } from './errors';
import type { VaultRecord } from './vault-record';

export type VaultedIdentity = StoreIdentity & { vault: VaultRecord };

/** store.json as it is on disk now (another process may have written it since this one opened the store). */
export function readVaultedIdentity(dataDir: string): VaultedIdentity {
  const identity = readStoreIdentity(dataDir);
  if (!identity?.vault) throw new VaultRecordInvalid(path.join(dataDir, IDENTITY_FILE), identity ? 'it has no vault section' : 'it is missing');
  return identity as VaultedIdentity;
}

/** Re-reads store.json, changes its vault section and writes it back durably. */
export function updateVault(dataDir: string, change: (vault: VaultRecord) => VaultRecord): VaultedIdentity {
  const identity = readVaultedIdentity(dataDir);
  return writeStoreIdentity(dataDir, { ...identity, vault: change(identity.vault) }) as VaultedIdentity;
}
