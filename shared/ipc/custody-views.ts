import { z } from 'zod';
import { EXPORT_FORMATS, outputJobIdSchema, SHEET_LAYOUTS, sheetLogoSchema } from '../card-outputs';
import { CUSTODY_STATES } from '../custody-state-machine';

// The shapes of card custody that cross IPC: stock, hand-outs, issuing outcomes. A card is named by Giftdesk's id and
// its last four digits; a scanned value goes in, never a number comes out.

const id = z.number().int().positive();
const cents = z.number().int().nonnegative();
const counts = z.object(Object.fromEntries(CUSTODY_STATES.map((s) => [s, z.number().int()])) as Record<(typeof CUSTODY_STATES)[number], z.ZodNumber>);

export const stockLineSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  sandbox: z.boolean(),
  currency: z.string(),
  sku: z.string(),
  productName: z.string().nullable(),
  amountCents: cents,
  counts,
  stored: z.number().int(),
  heldBack: z.number().int(),
  expiring: z.object({ 30: z.number().int(), 60: z.number().int(), 90: z.number().int() }),
});
export type StockLineView = z.infer<typeof stockLineSchema>;
export const stockSchema = z.object({ lines: z.array(stockLineSchema), horizons: z.array(z.number().int()) });

export const handoutSummarySchema = z.object({
  id,
  name: z.string(),
  eventDate: z.string().nullable(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(['count', 'recipients']),
  createdAt: z.number(),
  copies: z.number().int(),
  returnedAt: z.number().nullable(),
  cards: z.number().int(),
  reserved: z.number().int(),
  issued: z.number().int(),
  void: z.number().int(),
  cancelled: z.number().int(),
  returned: z.number().int(),
  values: z.array(z.object({ currency: z.string(), reservedCents: cents, issuedCents: cents })),
});
export type HandoutSummaryView = z.infer<typeof handoutSummarySchema>;

const recipientSchema = z.object({ id, rowNo: z.number().int(), name: z.string(), contact: z.string().nullable(), reference: z.string().nullable() });

export const handoutCardSchema = z.object({
  cardId: id,
  last4: z.string().nullable(),
  amountCents: cents,
  currency: z.string(),
  productName: z.string().nullable(),
  sku: z.string(),
  expiry: z.string().nullable(),
  state: z.enum(CUSTODY_STATES),
  recipient: recipientSchema.nullable(),
  issuedTo: z.string().nullable(),
  issuedAt: z.number().nullable(),
  voidReason: z.string().nullable(),
  sandbox: z.boolean(),
});
export type HandoutCardView = z.infer<typeof handoutCardSchema>;

export const handoutDetailSchema = handoutSummarySchema.extend({
  cardList: z.array(handoutCardSchema),
  recipients: z.array(recipientSchema.extend({ handoutId: id })),
});
export type HandoutDetailView = z.infer<typeof handoutDetailSchema>;

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const createHandoutSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the hand-out a name, such as the event’s.').max(100),
  eventDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date.').nullable().optional(),
  place: text(200),
  note: text(1000),
  accountId: z.string().min(1).nullable().optional(),
  take: z
    .array(z.strictObject({ sku: z.string().trim().min(1, 'Choose a product.').max(100), amountCents: z.number().int().positive(), count: z.number().int().positive('Take at least 1 card.').max(100_000) }))
    .max(200)
    .optional(),
  recipientsCsv: z.string().max(5_000_000).optional(),
});
export type CreateHandoutRequest = z.input<typeof createHandoutSchema>;

export const recipientsCheckSchema = z.object({
  rows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

export const issueRequestSchema = z
  .strictObject({
    handoutId: id,
    /** What the scanner typed (the printed barcode's value). */
    scan: z.string().min(1).max(200).optional(),
    lastDigits: z.string().regex(/^\d{2,19}$/, 'Type at least the last 2 digits (digits only).').optional(),
    to: z.string().trim().max(200).nullable().optional(),
  })
  .refine((r) => (r.scan === undefined) !== (r.lastDigits === undefined), { message: 'Scan the card, or type the last digits of its number.', path: ['scan'] });

const cardFacts = { cardId: id, last4: z.string().nullable() };
export const issueOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ ...cardFacts, outcome: z.literal('issued'), amountCents: cents, currency: z.string(), to: z.string().nullable(), at: z.number(), recipient: z.string().nullable() }),
  z.object({ ...cardFacts, outcome: z.literal('already-issued'), at: z.number(), to: z.string().nullable() }),
  z.object({ ...cardFacts, outcome: z.literal('not-in-handout'), otherHandout: z.object({ id, name: z.string() }).nullable() }),
  z.object({ ...cardFacts, outcome: z.literal('not-issuable'), state: z.string() }),
  z.object({ outcome: z.literal('unknown') }),
  z.object({ outcome: z.literal('ambiguous'), matches: z.number().int() }),
]);
export type IssueOutcomeView = z.infer<typeof issueOutcomeSchema>;

export const custodyViewSchema = z.object({
  cardId: id,
  state: z.enum(CUSTODY_STATES),
  handoutId: z.number().int().nullable(),
  issuedTo: z.string().nullable(),
  voidReason: z.string().nullable(),
});

export const handoutSheetSchema = z.strictObject({
  handoutId: id,
  layout: z.enum(SHEET_LAYOUTS),
  scratch: z.boolean(),
  /** A line of the business's own words on every card. */
  message: z.string().trim().max(80).nullable().optional(),
  logo: sheetLogoSchema,
  action: z.enum(['preview', 'print', 'save']),
  jobId: outputJobIdSchema,
});

export const handoutExportSchema = z.strictObject({
  handoutId: id,
  format: z.enum(EXPORT_FORMATS),
  passphrase: z.string().min(1).max(500).optional(),
  recipient: z.string().min(1).max(200).optional(),
  jobId: outputJobIdSchema,
});

export const releaseSchema = z.strictObject({ accountId: z.string().min(1), sku: z.string().max(100), amountCents: z.number().int().positive() });
