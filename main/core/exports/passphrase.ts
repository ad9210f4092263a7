// Passphrases for card files: made by the app and shown once, or typed by a person and held to a rule they can read.
import { randomInt } from 'node:crypto';
import { ValidationError } from '../errors';

/** No 0/O, 1/l/I: the passphrase is read off a screen and typed on another computer. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 6;
const GROUP_LENGTH = 4;

/** 24 random characters from a 32-letter alphabet (120 bits), grouped for reading aloud: "k7qm-…". */
export function generatePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

export const PASSPHRASE_RULE =
  'A passphrase must be at least 16 characters long and use at least 8 different characters ' +
  '(four or five unrelated words, or a generated passphrase, are good).';

/** Throws ValidationError('passphrase') with the rule when a typed passphrase is too weak to guard bearer cards. */
export function checkPassphrase(passphrase: string): string {
  if (passphrase.length < 16 || new Set(passphrase).size < 8 || passphrase.trim() !== passphrase) {
    throw new ValidationError('passphrase', `${PASSPHRASE_RULE} Leave it empty to have one generated.`);
  }
  return passphrase;
}
