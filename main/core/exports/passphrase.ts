// Passphrases for card files: made by the app and shown once, or typed by a person and held to a rule they can read.
import { randomInt } from 'node:crypto';
import { ValidationError } from '../errors';
import { describeGuesses, estimateGuesses } from '../strength/estimate-guesses';

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

/**
 * A typed passphrase must need at least 10^18 guesses by the same estimator as the passcode (zxcvbn-ts). The files it
 * guards can be attacked offline, and two of their formats check a guess fast: a password PDF (revision 5, the best
 * pdfkit writes) with one SHA-256, some 10^10 guesses a second on one graphics card; a WinZip AES ZIP with 1,000
 * rounds of PBKDF2-SHA1, some 10^7 a second. At 10^18 the PDF holds for years and the ZIP for far longer. Four or
 * five unrelated words reach it; a generated passphrase (120 bits) is far beyond it.
 */
export const MIN_PASSPHRASE_GUESSES_LOG10 = 18;

export const PASSPHRASE_RULE =
  'A card file\'s passphrase must be hard to guess even for a computer trying billions of guesses a second: ' +
  'four or five unrelated words, or a long mix of letters, digits and symbols.';

/** Throws ValidationError('passphrase') with the reason when a typed passphrase is too weak to guard bearer cards. */
export function checkPassphrase(passphrase: string): string {
  if (passphrase.trim() !== passphrase) {
    throw new ValidationError('passphrase', 'The passphrase starts or ends with a space, which is easy to lose when it is typed again. Remove it.');
  }
  const { guessesLog10, hints } = estimateGuesses(passphrase);
  if (guessesLog10 < MIN_PASSPHRASE_GUESSES_LOG10) {
    throw new ValidationError(
      'passphrase',
      `That passphrase is too easy to guess (${describeGuesses(guessesLog10)}). ${hints.length ? `${hints.join(' ')} ` : ''}${PASSPHRASE_RULE} Leave it empty to have one generated.`,
    );
  }
  return passphrase;
}
