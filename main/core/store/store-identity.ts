import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../fs/write-durably';
import { StoreIdentityInvalid } from './errors';
import { VaultRecordSchema } from '../vault/vault-record';

// store.json names the store (so its keychain entry can be found) and holds nothing secret: the vault's part is the
// database key wrapped twice (see vault/vault-record.ts). A store made before the vault has no `vault` yet.

const IdentitySchema = z.object({ storeId: z.string().uuid(), createdAt: z.number(), vault: VaultRecordSchema.optional() });
export type StoreIdentity = z.infer<typeof IdentitySchema>;

export const IDENTITY_FILE = 'store.json';

export function readStoreIdentity(dataDir: string): StoreIdentity | null {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, IDENTITY_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = IdentitySchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new StoreIdentityInvalid(path.join(dataDir, IDENTITY_FILE));
  }
  return parsed.data;
}

/** Replaces store.json whole (write, fsync, rename): a crash leaves the old record or the new one. */
export function writeStoreIdentity(dataDir: string, identity: StoreIdentity): StoreIdentity {
  writeFileDurably(path.join(dataDir, IDENTITY_FILE), `${JSON.stringify(identity, null, 2)}\n`);
  return identity;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
