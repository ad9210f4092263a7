import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// One estimator for every secret a person types (the passcode, a card file's passphrase): zxcvbn-ts, which knows
// dictionaries, keyboard walks, dates, repeats and l33t, instead of a hand-made rule of lengths and character sets.

export interface GuessEstimate {
  /** log10 of the guesses zxcvbn expects an attacker to need. */
  guessesLog10: number;
  /** zxcvbn's warning and suggestions, in words, for the person to act on. */
  hints: string[];
}

let estimator: ZxcvbnFactory | undefined;

/** `context` are words of this install (app, names) that a guesser would try first. */
export function estimateGuesses(secret: string, context: string[] = []): GuessEstimate {
  // Built on first use: the dictionaries take a moment to index, and most runs never judge a secret.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const result = estimator.check(secret, ['giftdesk', 'gift', 'card', 'cards', ...context]);
  return {
    guessesLog10: result.guessesLog10,
    hints: [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s)),
  };
}

/** How soon a guesser gets there, in words. */
export function describeGuesses(guessesLog10: number): string {
  if (guessesLog10 < 4) return 'it is among the first few thousand guesses anyone would try';
  if (guessesLog10 < 6) return 'it is among the first million guesses';
  if (guessesLog10 < 8) return 'it falls within the first hundred million guesses';
  if (guessesLog10 < 12) return 'it falls within the first trillion guesses';
  return `it falls within the first 10^${Math.floor(guessesLog10) + 1} guesses`;
}
