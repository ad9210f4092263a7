import { describeGuesses, estimateGuesses } from '../strength/estimate-guesses';
import { PasscodeTooWeak } from './errors';

/**
 * The passcode is judged by zxcvbn-ts (strength/estimate-guesses.ts), not by a hand-made rule. It must need at least
 * 10^8 guesses by zxcvbn's estimate (its "score 3"): with the device secret in hand and the Argon2id cost of an
 * unlock, that is over a core-year of guessing.
 */
export const MIN_GUESSES_LOG10 = 8;

/** Throws PasscodeTooWeak with a sentence a person can act on; `context` are words of this install (names) to avoid. */
export function assertStrongPasscode(passcode: string, context: string[] = []): void {
  if (passcode.length === 0) throw new PasscodeTooWeak('Type a passcode: the card store cannot be locked with an empty one.');
  const { guessesLog10, hints } = estimateGuesses(passcode, context);
  if (guessesLog10 >= MIN_GUESSES_LOG10) return;
  throw new PasscodeTooWeak(
    `That passcode is too easy to guess (${describeGuesses(guessesLog10)}). ` +
      `${hints.length ? `${hints.join(' ')} ` : ''}A few unrelated words, or a longer mix of letters, digits and symbols, will do.`,
  );
}
