import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ALLOWED = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** A new client reference: readable, sortable by time, 28 characters (both providers take at least 50). */
export function newClientReference(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const bytes = randomBytes(10);
  const tail = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return `gd-${stamp}-${tail}`;
}

export function checkClientReference(reference: string, maxLength: number): void {
  if (reference.length === 0) throw new ValidationError('reference', 'The reference is empty.');
  if (reference.length > maxLength) {
    throw new ValidationError('reference', `The reference is ${reference.length} characters long; this provider takes at most ${maxLength}.`);
  }
  if (!ALLOWED.test(reference)) {
    throw new ValidationError('reference', 'The reference may hold only letters, digits and . _ : - (and must start with a letter or digit).');
  }
}
