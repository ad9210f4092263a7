import { z } from 'zod';
import { baseUrlSentence, checkBaseUrl } from '../base-url';
import { CARD_SORTS } from '../card-sort';
import { CUSTODY_STATES } from '../custody-state-machine';
import { ORDER_STATES, PROVIDERS, QUARANTINE_KINDS } from '../domain';

// The shapes that cross IPC. They are views, not domain rows: an account is described by whether it has a key and
// the key's last four characters, a card by its masked number until an audited reveal.

const id = z.number().int().positive();
const cents = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as AUD.');

export const moneySchema = z.object({ cents: z.number().int(), currency: z.string() });

export const accountViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.enum(PROVIDERS),
  /** The API the account speaks (a sandbox account: the one its sandbox imitates). */
  api: z.enum(['wpay', 'blackhawk']),
  baseUrl: z.string(),
  merchantId: z.string().nullable(),
  clientProgramNumber: z.string().nullable(),
  sandboxFlavor: z.enum(['wpay', 'blackhawk']).nullable(),
  currency: z.string(),
  fetchConcurrency: z.number().int(),
  pollEverySeconds: z.number().int().nullable(),
  balanceRatePerMinute: z.number().int(),
  createdAt: z.number(),
  hasApiKey: z.boolean(),
  apiKeyLast4: z.string().nullable(),
  hasCertificate: z.boolean(),
  hasCertificatePassphrase: z.boolean(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** The one base-URL rule (https, or http to this machine only; no credentials or query in it). */
const baseUrl = z
  .string()
  .trim()
  .max(300)
  .superRefine((text, ctx) => {
    const checked = checkBaseUrl(text);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: baseUrlSentence(checked.problem) });
  });

/** Settings a person may change after the account exists. Secrets are write-only fields beside them. */
const accountSettings = {
  name: z.string().trim().min(1, 'Give the account a name.').max(80),
  baseUrl,
  merchantId: z.string().trim().max(100).nullable(),
  clientProgramNumber: z.string().trim().max(100).nullable(),
  sandboxFlavor: z.enum(['wpay', 'blackhawk']).nullable(),
  currency,
  fetchConcurrency: z.number().int().min(1).max(16),
  pollEverySeconds: z.number().int().positive().max(86_400).nullable(),
  /** Balance checks per minute at most (Wpay: 50). */
  balanceRatePerMinute: z.number().int().min(1, 'At least one balance check a minute.').max(10_000).optional(),
};
const accountSecrets = {
  /** Write-only: stored in the keychain, never answered back. */
  apiKey: z.string().trim().min(8, 'That API key looks too short.').max(500).optional(),
  /** The Blackhawk client certificate (.p12), base64; stored encrypted in the store. */
  certificateBase64: z.string().max(400_000).regex(/^[A-Za-z0-9+/=]*$/, 'The certificate file could not be read.').optional(),
  certificatePassphrase: z.string().min(1).max(500).optional(),
};

/**
 * The form tests the connection before a key is saved, and saves a key that failed only when the person says "Save
 * anyway": the desktop always says which.
 */
const connection = z.enum(['test', 'save-anyway']);

export const accountAddSchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  ...accountSettings,
  /** Absent: the provider's test host; ignored for a sandbox account, which always reaches the built-in sandbox. */
  baseUrl: baseUrl.optional(),
  ...accountSecrets,
  connection,
});
export type AccountAddInput = z.input<typeof accountAddSchema>;

export const accountEditSchema = z.strictObject({
  id: z.string().min(1),
  ...z.object(accountSettings).partial().shape,
  ...accountSecrets,
  /** Needed when the key, certificate or host changes. */
  connection: connection.optional(),
});
export type AccountEditInput = z.input<typeof accountEditSchema>;

export const connectionTestSchema = z.object({
  provider: z.enum(['wpay', 'blackhawk']),
  balance: moneySchema.nullable(),
  productCount: z.number().int().nullable(),
  message: z.string(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const catalogProductSchema = z.object({
  code: z.string(),
  name: z.string(),
  minCents: z.number().int().nullable(),
  maxCents: z.number().int().nullable(),
  allowedCents: z.array(z.number().int()).nullable(),
});
export type CatalogProductView = z.infer<typeof catalogProductSchema>;

/** What the provider takes, so the order form can say it before main (which checks again) refuses. */
export const providerLimitsSchema = z.object({
  maxQuantity: z.number().int(),
  realtimeMaxQuantity: z.number().int().nullable(),
  maxReferenceLength: z.number().int(),
  maxLines: z.number().int(),
  wholeAmountsOnly: z.boolean(),
  reversible: z.boolean(),
  catalog: z.boolean(),
});
export type ProviderLimitsView = z.infer<typeof providerLimitsSchema>;

export const productsSchema = z.object({
  /** null: the provider has no catalog call (Wpay); the SKU is typed. */
  catalog: z.array(catalogProductSchema).nullable(),
  /** Where there is no catalog, SKUs worth offering (the sandbox's own); empty otherwise. */
  suggested: z.array(catalogProductSchema),
  usedSkus: z.array(z.string()),
  limits: providerLimitsSchema,
});

export const orderLineInputSchema = z.strictObject({
  sku: z.string().trim().min(1, 'Enter a SKU.').max(100),
  faceValueCents: z.number().int().positive('The value must be more than zero.'),
  quantity: z.number().int().positive('The quantity must be at least 1.').max(100_000),
  productName: z.string().max(200).nullable().optional(),
});
export type OrderLineInput = z.input<typeof orderLineInputSchema>;

export const orderDraftSchema = z.strictObject({
  accountId: z.string().min(1),
  lines: z.array(orderLineInputSchema).min(1, 'Add at least one line.').max(5_000),
  reference: z.string().trim().min(1).max(100).optional(),
  pollEverySeconds: z.number().int().positive().max(86_400).optional(),
});
export type OrderDraft = z.input<typeof orderDraftSchema>;

const orderName = z.string().max(80, 'Keep the name to 80 characters.').nullable().optional();
const orderMemo = z.string().max(1_000, 'Keep the memo to 1,000 characters.').nullable().optional();

export const placeOrderSchema = orderDraftSchema.extend({
  /** The reference shown on the review, so the order placed is the order reviewed and a second click cannot debit twice. */
  reference: z.string().trim().min(1).max(100),
  /** A name and a memo of the person's own, optional. */
  name: orderName,
  memo: orderMemo,
});

/** One line of the review: what is bought, and whether its SKU is new to the account (no catalog vouched for it, no card of it yet). */
export const reviewLineSchema = z.object({
  sku: z.string(),
  productName: z.string().nullable(),
  faceValueCents: cents,
  quantity: z.number().int(),
  totalCents: cents,
  newSku: z.boolean(),
});
export type ReviewLineView = z.infer<typeof reviewLineSchema>;

export const orderReviewSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  provider: z.enum(['wpay', 'blackhawk']),
  currency: z.string(),
  quantity: z.number().int(),
  totalCents: cents,
  lineCount: z.number().int(),
  mode: z.enum(['real-time', 'batch']),
  balance: moneySchema.nullable(),
  reference: z.string(),
  lines: z.array(reviewLineSchema),
});
export type OrderReview = z.infer<typeof orderReviewSchema>;

export const csvRowErrorSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type CsvRowError = z.infer<typeof csvRowErrorSchema>;

export const csvParseSchema = z.object({
  lines: z.array(
    z.object({ row: z.number().int(), sku: z.string(), faceValueCents: z.number().int(), quantity: z.number().int() }),
  ),
  errors: z.array(csvRowErrorSchema),
});
export type CsvParse = z.infer<typeof csvParseSchema>;

export const orderProgressSchema = z.object({
  orderId: id,
  state: z.enum(ORDER_STATES),
  stateReason: z.string().nullable(),
  percent: z.number().nullable(),
  cardsStored: z.number().int(),
  quantity: z.number().int(),
  nextPollAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type OrderProgressView = z.infer<typeof orderProgressSchema>;

export const orderViewSchema = z.object({
  id,
  accountId: z.string(),
  accountName: z.string(),
  clientReference: z.string(),
  providerOrderId: z.string().nullable(),
  state: z.enum(ORDER_STATES),
  quantity: z.number().int(),
  totalCents: cents,
  currency: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** A person's own name for the order and their memo on it (null: none). */
  name: z.string().nullable(),
  memo: z.string().nullable(),
  mode: z.enum(['real-time', 'batch']).nullable(),
  /** A reversal may be asked for now (Wpay, within the provider's window, not yet settled as cancelled/failed). */
  canCancel: z.boolean(),
  progress: orderProgressSchema,
  /** Cards the provider sent with this order that are not its own: kept apart, never counted. */
  quarantinedCards: z.number().int(),
  /** Orders that were sent cards this order already holds. */
  cardsAlsoSentTo: z.array(z.object({ orderId: id, cards: z.number().int() })),
});
export type OrderView = z.infer<typeof orderViewSchema>;

/** The lengths are the application layer's too (it checks again, and refuses what cannot be shown). */
export const orderNamingSchema = z.strictObject({
  orderId: id,
  name: orderName,
  memo: orderMemo,
});
export type OrderNamingInput = z.input<typeof orderNamingSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the day as YYYY-MM-DD.');

export const historyQuerySchema = z.strictObject({
  search: z.string().max(100).optional(),
  states: z.array(z.enum(ORDER_STATES)).max(ORDER_STATES.length).optional(),
  accountId: z.string().min(1).optional(),
  from: day.nullable().optional(),
  to: day.nullable().optional(),
  sort: z.enum(['date', 'value', 'state']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  /** The `next` of the page before. */
  after: z.array(z.number().int()).min(2).max(3).nullable().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type HistoryQueryInput = z.input<typeof historyQuerySchema>;

export const historyRowSchema = z.object({
  id,
  accountId: z.string(),
  accountName: z.string().nullable(),
  clientReference: z.string(),
  name: z.string().nullable(),
  memo: z.string().nullable(),
  state: z.enum(ORDER_STATES),
  stateReason: z.string().nullable(),
  quantity: z.number().int(),
  totalCents: cents,
  currency: z.string(),
  createdAt: z.number(),
  nextPollAt: z.number().nullable(),
  lastError: z.string().nullable(),
  cardsStored: z.number().int(),
  product: z.string(),
  lines: z.number().int(),
});
export type HistoryRowView = z.infer<typeof historyRowSchema>;

export const historyPageSchema = z.object({
  rows: z.array(historyRowSchema),
  next: z.array(z.number().int()).nullable(),
  totals: z.object({
    orders: z.number().int(),
    cards: z.number().int(),
    byCurrency: z.array(z.object({ currency: z.string(), orders: z.number().int(), totalCents: z.number().int() })),
  }),
});
export type HistoryPageView = z.infer<typeof historyPageSchema>;

export const cardSearchSchema = z.strictObject({
  /** The whole number, or its last digits. */
  number: z.string().trim().regex(/^[0-9 ]{2,40}$/, 'Enter digits only: the whole number or its last digits.').optional(),
  amountCents: z.number().int().positive().optional(),
  orderId: id.optional(),
  custodyState: z.enum(CUSTODY_STATES).optional(),
  handoutId: id.optional(),
  /** Words of the name of the person a card was given (or goes) to. */
  recipient: z.string().trim().min(1).max(100).optional(),
  /** By date stored (the default), value or expiry; descending (newest, highest, latest) unless asked otherwise. */
  sort: z.enum(CARD_SORTS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  /** The card this page starts after, in that order (keyset): the nextAfterId of the page before. */
  afterId: id.optional(),
  limit: z.number().int().min(1).max(1_000).optional(),
});
export type CardSearchInput = z.input<typeof cardSearchSchema>;

export const cardViewSchema = z.object({
  id,
  orderId: id,
  /** Last four digits at most. */
  maskedNumber: z.string().nullable(),
  maskedPin: z.string().nullable(),
  maskedActivationCode: z.string().nullable(),
  /** The provider's own names for the fields ("Voucher Code" for the PIN). */
  labels: z.object({ number: z.string(), pin: z.string(), activationCode: z.string(), expiry: z.string() }).partial().nullable(),
  hasUrl: z.boolean(),
  amountCents: cents,
  currency: z.string(),
  expiry: z.string().nullable(),
  productName: z.string().nullable(),
  sku: z.string().nullable(),
  storedAt: z.number(),
  custody: z
    .object({ state: z.enum(CUSTODY_STATES), handoutId: z.number().int().nullable(), issuedTo: z.string().nullable(), printedExportedAt: z.number().nullable() })
    .nullable(),
});
export type CardView = z.infer<typeof cardViewSchema>;

export const quarantinedCardViewSchema = cardViewSchema.extend({
  kind: z.enum(QUARANTINE_KINDS),
  reason: z.string(),
  otherOrderId: id.nullable(),
});
export type QuarantinedCardView = z.infer<typeof quarantinedCardViewSchema>;

export const cardPageSchema = z.object({ cards: z.array(cardViewSchema), nextAfterId: z.number().int().nullable() });
export type CardPage = z.infer<typeof cardPageSchema>;

export const revealedCardSchema = z.object({
  id,
  number: z.string().nullable(),
  pin: z.string().nullable(),
  url: z.string().nullable(),
  barcode: z.string().nullable(),
});
export type RevealedCard = z.infer<typeof revealedCardSchema>;

export const auditEventSchema = z.object({
  id,
  at: z.number(),
  /** The front door and the OS user (unknown on entries written before it was kept). */
  actor: z.object({ via: z.enum(['desktop', 'cli', 'engine', 'system']), user: z.string().nullable() }),
  /** An action of the one vocabulary (main/core/audit/vocabulary.ts), or "unknown". */
  action: z.string(),
  /** The name an older entry was written under, when it was translated into the vocabulary. */
  recorded: z.string().nullable(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** One row of the spend report (reports/spend.ts): the groups asked for, the currency, and the figures in cents. */
export const spendRowSchema = z.object({
  account: z.string().nullable(),
  product: z.string().nullable(),
  sku: z.string().nullable(),
  month: z.string().nullable(),
  currency: z.string(),
  orders: z.number().int(),
  cards: z.number().int(),
  acceptedCents: z.number().int(),
  reversedCents: z.number().int(),
  spendCents: z.number().int(),
});
export type SpendRowView = z.infer<typeof spendRowSchema>;

export const orderDetailSchema = z.object({
  order: orderViewSchema,
  lines: z.array(
    z.object({ lineNo: z.number().int(), sku: z.string(), productName: z.string().nullable(), faceValueCents: cents, quantity: z.number().int(), cardsStored: z.number().int() }),
  ),
  /** Who placed it and through which front door (null: an order older than the audit log's actors). */
  placedBy: z.object({ via: z.enum(['desktop', 'cli', 'engine', 'system']), user: z.string().nullable(), at: z.number() }).nullable(),
  timeline: z.array(auditEventSchema),
  timelineMore: z.boolean(),
  outputs: z.array(auditEventSchema),
});
export type OrderDetailView = z.infer<typeof orderDetailSchema>;
