import { parseAmountToCents } from '../../../shared/money';

// The low-balance threshold as the Settings page and the overview both take it: one setting, one way to type it.

/** The stored threshold as it stands in its field: empty for no warning. */
export const thresholdText = (cents: number | null | undefined): string => (cents == null ? '' : (cents / 100).toFixed(2));

/** What was typed ("500", "500.00", "$500", "A$500"): cents, null for no warning, or the sentence saying what to type. */
export function parseThreshold(typed: string): { cents: number | null } | { error: string } {
  const text = typed.trim().replace(/^[A-Z]{0,3}\$/, '');
  if (text === '') return { cents: null };
  const cents = parseAmountToCents(text);
  if (cents === null || cents < 0) return { error: 'Enter an amount such as 500 or 500.00, or leave it empty for no warning.' };
  return { cents };
}

/** What the person is told once it is kept. */
export const thresholdSaved = (cents: number | null): string => (cents === null ? 'No low-balance warning.' : `A balance below ${(cents / 100).toFixed(2)} is flagged.`);
