import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

// The database key is only ever stored wrapped: AES-256-GCM under a key-encryption key, with additional data naming
// the store and the copy, so a copy cannot be moved to another store or swapped for the other copy unnoticed.

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
export const WrappedKeySchema = z.object({ iv: base64, tag: base64, data: base64 });
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

export function wrapKey(key: Buffer, kek: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The unwrapped key, or null when the key-encryption key (or the additional data) is not the one it was made with. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
