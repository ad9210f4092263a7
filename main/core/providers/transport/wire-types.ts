import { z } from 'zod';
import { parseAmountToCents } from '../../../../shared/money';

// Building blocks for provider wire formats, which send numbers as strings and strings as numbers.

/** A count or number that may arrive as "3" or 3. */
export const looseNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);

/** A money amount ("5.00", "25", 25, 25.5) as integer cents. */
export const amountCents = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const cents = parseAmountToCents(value);
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: 'expected an amount with at most two decimals' });
    return z.NEVER;
  }
  return cents;
});

/**
 * An identifier (card number, PIN, order id) that may arrive as a JSON number. A number past 2^53 has already lost
 * digits in JSON.parse, so it is refused rather than stored wrong.
 */
export const identifier = z.union([
  z.string(),
  z
    .number()
    .refine((n) => Number.isSafeInteger(n), 'a number too long to read exactly (digits were lost)')
    .transform(String),
]);

export const looseBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** Providers send "" as often as null for "none". */
export function present(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
