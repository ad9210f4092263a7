import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { PasscodeTooWeak } from './errors';

/**
 * The passcode is judged by zxcvbn-ts (dictionaries, keyboard walks, dates, repeats, l33t), not by a hand-made rule.
 * It must need at least 10^8 guesses by zxcvbn's estimate (its "score 3"): with the device secret in hand and the
 * Argon2id cost of an unlock, that is over a core-year of guessing.
 */
export const MIN_GUESSES_LOG10 = 8;

let estimator: ZxcvbnFactory | undefined;
function estimate(passcode: string, context: string[]): ZxcvbnResult {
  // Built on first use: the dictionaries take a moment to index, and most runs never set a passcode.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator.check(passcode, context);
}

/** Throws PasscodeTooWeak with a sentence a person can act on; `context` are words of this install (names) to avoid. */
export function assertStrongPasscode(passcode: string, context: string[] = []): void {
  if (passcode.length === 0) throw new PasscodeTooWeak('Type a passcode: the card store cannot be locked with an empty one.');
  const result = estimate(passcode, ['giftdesk', 'gift', 'card', 'cards', ...context]);
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
  throw new PasscodeTooWeak(
    `That passcode is too easy to guess (${describeTime(result.guessesLog10)}). ` +
      `${hints.length ? `${hints.join(' ')} ` : ''}A few unrelated words, or a longer mix of letters, digits and symbols, will do.`,
  );
}

function describeTime(guessesLog10: number): string {
  if (guessesLog10 < 4) return 'it is among the first few thousand guesses anyone would try';
  if (guessesLog10 < 6) return 'it is among the first million guesses';
  return 'it falls within the first hundred million guesses';
}
