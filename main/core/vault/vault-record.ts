import { z } from 'zod';
import { WrappedKeySchema } from './key-wrap';
import { KdfParamsSchema } from './passcode-kdf';

/**
 * The vault's part of store.json. Nothing in it is secret: two wrapped copies of the database key, the Argon2id
 * parameters and salt, and the count of wrong passcodes (kept here so that it survives a restart and is shared by
 * every process that opens the store).
 */
export const VaultRecordSchema = z.object({
  version: z.literal(1),
  passcode: z.object({
    /** Which keychain entry holds this computer's device secret (see device-secret.ts). */
    deviceSecretId: z.string().uuid(),
    kdf: KdfParamsSchema,
    wrapped: WrappedKeySchema,
    setAt: z.number(),
  }),
  recovery: z.object({ wrapped: WrappedKeySchema, madeAt: z.number() }),
  /** Wrong passcodes since the last successful unlock. */
  failures: z.object({ count: z.number().int().min(1), firstAt: z.number(), lastAt: z.number() }).optional(),
  /** Set when the store was made from a backup. */
  restoredFrom: z.object({ backupCreatedAt: z.number(), restoredAt: z.number() }).optional(),
});
export type VaultRecord = z.infer<typeof VaultRecordSchema>;
export type FailedAttempts = NonNullable<VaultRecord['failures']>;

/** Additional data of each wrapped copy: binds it to its store and its role. */
export const copyAad = {
  passcode: (storeId: string) => `giftdesk/v1/${storeId}/passcode-copy`,
  recovery: (storeId: string) => `giftdesk/v1/${storeId}/recovery-copy`,
};
