import { createSecureContext } from 'node:tls';
import { baseUrlSentence, checkBaseUrl } from '../../../../shared/base-url';
import { unsafeCharacter } from '../../../../shared/plain-text';
import { ValidationError } from '../../errors';

// The rules an account's settings follow, the same when it is added and when it is edited. Each throws a
// ValidationError naming the field as the commands' input names it.

export function accountName(text: string): string {
  const name = text.trim();
  if (!name) throw new ValidationError('name', 'Give the account a name.');
  const unsafe = unsafeCharacter(name);
  // A name is printed in terminals, sheets and files: an escape code or a direction override there would act, not read.
  if (unsafe) throw new ValidationError('name', `The name holds a control or text-direction character (${unsafe}). Type it again without it.`);
  if (name.length > 80) throw new ValidationError('name', 'The name is longer than 80 characters.');
  return name;
}

/** The base URL as the account will store it. */
export function accountBaseUrl(text: string): string {
  const checked = checkBaseUrl(text);
  if (!checked.ok) throw new ValidationError('baseUrl', baseUrlSentence(checked.problem));
  return checked.url;
}

export function currencyCode(text: string): string {
  const currency = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ValidationError('currency', 'The currency is a three-letter code such as AUD.');
  return currency;
}

export function fetchConcurrency(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new ValidationError('fetchConcurrency', 'Pages fetched at once must be between 1 and 16.');
  return n;
}

export function pollEverySeconds(n: number | null): number | null {
  if (n !== null && (!Number.isFinite(n) || n <= 0 || n > 86_400)) {
    throw new ValidationError('pollEverySeconds', 'Seconds between status checks must be a positive number, at most a day.');
  }
  return n;
}

/** Balance checks per minute: Wpay allows 50 per partner unless the account manager changed it. */
export function balanceRatePerMinute(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new ValidationError('balanceRatePerMinute', 'Balance checks per minute must be a whole number from 1 to 10,000.');
  }
  return n;
}

export function required(field: string, value: string | null | undefined, message: string): string {
  const v = value?.trim();
  if (!v) throw new ValidationError(field, message);
  return v;
}

export function clientProgramNumber(text: string | null | undefined): string {
  const number = required('clientProgramNumber', text, 'A Blackhawk account needs its client program number.');
  if (!/^\d+$/.test(number)) throw new ValidationError('clientProgramNumber', 'The client program number is digits only.');
  return number;
}

/** The Blackhawk client certificate must open with its passphrase, or every request would fail at the handshake. */
export function certificateOpens(p12: Uint8Array, passphrase: string): void {
  try {
    createSecureContext({ pfx: Buffer.from(p12), passphrase });
  } catch {
    throw new ValidationError('certificate', 'The certificate file cannot be opened with that passphrase (or is not a .p12 file).');
  }
}
