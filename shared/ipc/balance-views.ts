import { z } from 'zod';
import { SWEEP_STATES } from '../balance-sweep-state-machine';

// The shapes of balance checks that cross IPC: sweeps and their progress, each card's reading (by Giftdesk's id and
// its last four digits, never its number), a hand-out's used and unspent totals, cards that expire soon.

const id = z.number().int().positive();
const cents = z.number().int().nonnegative();

export const sweepScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('card'), cardId: id }),
  z.strictObject({ kind: z.literal('handout'), handoutId: id }),
  z.strictObject({ kind: z.literal('order'), orderId: id }),
  z.strictObject({ kind: z.literal('issued') }),
]);

export const sweepProgressSchema = z.object({
  sweepId: id,
  scope: sweepScopeSchema,
  state: z.enum(SWEEP_STATES),
  cards: z.number().int(),
  answered: z.number().int(),
  notAvailable: z.number().int(),
  failed: z.number().int(),
  resent: z.number().int(),
  etaMs: z.number().int().nonnegative(),
  driver: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type SweepProgressView = z.infer<typeof sweepProgressSchema>;

export const cardReadingSchema = z.discriminatedUnion('reading', [
  z.object({ reading: z.literal('unused'), leftCents: cents }),
  z.object({ reading: z.literal('partly-used'), leftCents: cents }),
  z.object({ reading: z.literal('spent'), leftCents: z.literal(0) }),
  z.object({ reading: z.literal('not-usable'), status: z.string() }),
  z.object({ reading: z.literal('expired') }),
  z.object({ reading: z.literal('unknown'), why: z.string() }),
]);

const checkSchema = z.object({
  id,
  sweepId: id,
  checkedAt: z.number(),
  outcome: z.enum(['answered', 'not-available', 'failed']),
  balanceCents: cents.nullable(),
  status: z.string().nullable(),
  expiry: z.string().nullable(),
  currency: z.string().nullable(),
  note: z.string().nullable(),
});

export const cardBalanceSchema = z.object({
  cardId: id,
  last4: z.string().nullable(),
  amountCents: cents,
  currency: z.string(),
  expiryDate: z.string().nullable(),
  reading: cardReadingSchema,
  checkedAt: z.number().nullable(),
  history: z.array(checkSchema),
});
export type CardBalanceViewModel = z.infer<typeof cardBalanceSchema>;

export const handoutBalanceSchema = z.object({
  totals: z.array(
    z.object({ currency: z.string(), handedOutCents: cents, usedCents: cents, unspentCents: cents, unknownCents: cents, cards: z.number().int() }),
  ),
  cards: z.array(cardBalanceSchema),
});
export type HandoutBalanceView = z.infer<typeof handoutBalanceSchema>;

const expiringGroup = z.object({
  cards: z.number().int(),
  values: z.array(z.object({ currency: z.string(), cents })),
  list: z.array(cardBalanceSchema.extend({ sku: z.string(), handoutId: id.nullable() })),
});
export const expiringSchema = z.object({ from: z.string(), until: z.string(), inStock: expiringGroup, issued: expiringGroup });
export type ExpiringView = z.infer<typeof expiringSchema>;

export const EXPIRY_DAYS = [30, 60, 90] as const;
