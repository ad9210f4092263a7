import { hkdfSync, randomBytes } from 'node:crypto';

// The recovery key: 160 random bits, written as 32 Crockford base32 characters in 8 groups of 4 (no I, L, O or U,
// so nothing reads two ways on paper). It needs no stretching: it is too long to guess.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BYTES = 20;
const CHARS = 32;

export interface RecoveryKey {
  bytes: Buffer;
  /** As shown to the person: `ABCD-EFGH-…`. */
  text: string;
}

export function newRecoveryKey(): RecoveryKey {
  const bytes = randomBytes(BYTES);
  return { bytes, text: formatRecoveryKey(bytes) };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * Reads a typed recovery key: any case, spaces or dashes anywhere, and the letters people confuse with digits
 * (O for 0, I and L for 1). Null when it is not 32 characters of the alphabet.
 */
export function parseRecoveryKey(typed: string): Buffer | null {
  const chars = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== CHARS) return null;
  const out = Buffer.alloc(BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const c of chars) {
    const digit = ALPHABET.indexOf(c);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** The key that wraps the recovery copy: HKDF of the recovery key, salted with the store's id. */
export function recoveryWrappingKey(recovery: Buffer, storeId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, Buffer.from(storeId, 'utf8'), 'giftdesk recovery copy v1', 32));
}
