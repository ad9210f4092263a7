import { z } from 'zod';
import { chosenLogoSchema, exportOutcomeSchema, exportRequestSchema, jobProgressSchema, outputOutcomeSchema, SHEET_LAYOUTS, sheetRequestSchema } from '../card-outputs';
import { settingChangeSchema, settingsSchema } from '../settings';
import type { Channel, EventName } from './channel-names';
import {
  createHandoutSchema,
  custodyViewSchema,
  handoutDetailSchema,
  handoutExportSchema,
  handoutSheetSchema,
  handoutSummarySchema,
  issueOutcomeSchema,
  issueRequestSchema,
  recipientsCheckSchema,
  releaseSchema,
  stockSchema,
} from './custody-views';
import {
  accountAddSchema,
  accountEditSchema,
  accountViewSchema,
  auditEventSchema,
  cardPageSchema,
  cardSearchSchema,
  connectionTestSchema,
  csvParseSchema,
  orderDraftSchema,
  orderNamingSchema,
  historyPageSchema,
  orderDetailSchema,
  historyQuerySchema,
  orderProgressSchema,
  orderReviewSchema,
  orderViewSchema,
  placeOrderSchema,
  productsSchema,
  quarantinedCardViewSchema,
  revealedCardSchema,
  spendRowSchema,
} from './views';
import { cardBalanceSchema, EXPIRY_DAYS, expiringSchema, handoutBalanceSchema, sweepProgressSchema, sweepScopeSchema } from './balance-views';
import { accountBalanceSchema, overviewSchema } from './overview-views';
import { backupViewSchema, lockViewSchema, passcodeSchema, startAnswerSchema, vaultStatusSchema } from './vault-views';

// The one list of what may cross between renderer and main. Preload, main's registration and dispatch, and the
// renderer's client are all derived from it; a channel that is not here does not exist.

/** One channel: what it takes, what it answers, and what main must check before its handler runs. */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
  /**
   * Whether the answer carries card data (numbers, PINs, URLs, card files). Such a channel answers nothing while the
   * app is locked. Every channel says, so a new one cannot be added without deciding.
   */
  cardData: boolean;
  /**
   * Answers while the app is locked (and before the store is open). Only the lock's own channels do: every other
   * channel, whatever it reads or changes, is refused while locked.
   */
  whileLocked?: true;
}

/** Any contract of channels (the app's below, or a test's fixture). */
export type Contract = Record<string, ChannelSpec>;

const none = z.strictObject({});
const lockStateSchema = z.object({ locked: z.boolean() });
const done = z.object({ done: z.boolean() });
const byAccount = z.strictObject({ accountId: z.string().min(1) });
const id = z.number().int().positive();
const byOrder = z.strictObject({ orderId: id });
const byHandout = z.strictObject({ handoutId: id });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the day as YYYY-MM-DD.');
const days = { from: day.nullable().optional(), to: day.nullable().optional() };
const auditFilter = { actions: z.array(z.string().max(60)).max(60).optional(), orderId: id.optional(), ...days };
const savedTable = z.object({ done: z.boolean(), rows: z.number().int(), fileName: z.string().nullable() });
const tableFormat = z.enum(['csv', 'xlsx']);
const spendBy = z.array(z.enum(['account', 'product', 'month'])).max(3);

export const channels = {
  'accounts.list': { request: none, response: z.array(accountViewSchema), cardData: false },
  'accounts.add': { request: accountAddSchema, response: accountViewSchema, cardData: false },
  'accounts.edit': { request: accountEditSchema, response: accountViewSchema, cardData: false },
  'accounts.remove': { request: byAccount, response: z.object({ removed: z.boolean() }), cardData: false },
  'accounts.testConnection': { request: byAccount, response: connectionTestSchema, cardData: false },
  'accounts.products': { request: byAccount, response: productsSchema, cardData: false },

  'orders.parseCsv': {
    request: z.strictObject({ accountId: z.string().min(1), text: z.string().max(2_000_000) }),
    response: csvParseSchema,
    cardData: false,
  },
  'orders.validate': { request: orderDraftSchema, response: orderReviewSchema, cardData: false },
  'orders.place': { request: placeOrderSchema, response: orderViewSchema, cardData: false },
  'orders.list': { request: none, response: z.array(orderViewSchema), cardData: false },
  'orders.get': { request: byOrder, response: orderViewSchema, cardData: false },
  'orders.progress': { request: byOrder, response: orderProgressSchema, cardData: false },
  'orders.checkNow': { request: byOrder, response: orderProgressSchema, cardData: false },
  'orders.cancel': { request: byOrder, response: orderViewSchema, cardData: false },
  /** A person's name and memo for an order (absent: left as is; null or blank: cleared); audited. */
  'orders.name': { request: orderNamingSchema, response: orderViewSchema, cardData: false },
  /** One keyset page of the order history in the sort asked for, and the totals of everything its filter picks. */
  'orders.history': { request: historyQuerySchema, response: historyPageSchema, cardData: false },
  /** The order page: the order, its lines, who placed it and from where, its timeline, its sheets and card files. */
  'orders.detail': { request: byOrder, response: orderDetailSchema, cardData: false },

  'cards.search': { request: cardSearchSchema, response: cardPageSchema, cardData: true },
  'cards.count': { request: none, response: z.object({ total: z.number().int() }), cardData: false },
  'cards.reveal': { request: z.strictObject({ cardId: z.number().int().positive() }), response: revealedCardSchema, cardData: true },
  /** The cards that came with an order but are not its own, masked, each with why. */
  'cards.quarantined': { request: byOrder, response: z.array(quarantinedCardViewSchema), cardData: true },
  'cards.sheet': { request: sheetRequestSchema, response: outputOutcomeSchema, cardData: true },
  'cards.export': { request: exportRequestSchema, response: exportOutcomeSchema, cardData: true },

  /** A logo for card sheets picked in the open dialog and checked; main keeps the path, the window gets a name and an id (null: cancelled). */
  'cards.chooseLogo': { request: none, response: z.object({ logo: chosenLogoSchema.nullable() }), cardData: false },
  /** How many cards and pages a sheet of an order or hand-out would have in a layout, before it is made. */
  'cards.sheetPlan': {
    request: z.strictObject({ orderId: id.optional(), handoutId: id.optional(), layout: z.enum(SHEET_LAYOUTS) }).refine((r) => (r.orderId === undefined) !== (r.handoutId === undefined), 'Give an order or a hand-out.'),
    response: z.object({ cards: z.number().int(), pages: z.number().int() }),
    cardData: false,
  },
  'cards.jobProgress': { request: z.strictObject({ jobId: z.string().uuid() }), response: jobProgressSchema, cardData: false },
  /** Stops a sheet being made: the worker stops and removes its unfinished file; the sheet's request answers "cancelled". */
  'cards.cancelJob': { request: z.strictObject({ jobId: z.string().uuid() }), response: z.object({ cancelled: z.boolean() }), cardData: false },
  'cards.alignmentPage': { request: z.strictObject({ layout: z.enum(SHEET_LAYOUTS) }), response: outputOutcomeSchema, cardData: false },

  'custody.stock': { request: none, response: stockSchema, cardData: false },
  'custody.checkRecipients': { request: z.strictObject({ text: z.string().max(5_000_000) }), response: recipientsCheckSchema, cardData: false },
  'custody.release': { request: releaseSchema, response: z.object({ released: z.number().int() }), cardData: false },
  'handouts.create': { request: createHandoutSchema, response: handoutSummarySchema, cardData: false },
  'handouts.list': { request: none, response: z.array(handoutSummarySchema), cardData: false },
  'handouts.show': { request: byHandout, response: handoutDetailSchema, cardData: true },
  'handouts.issue': { request: issueRequestSchema, response: issueOutcomeSchema, cardData: true },
  'handouts.unissue': { request: z.strictObject({ cardId: id, reason: z.string().trim().max(500).nullable().optional() }), response: custodyViewSchema, cardData: true },
  'handouts.voidCard': { request: z.strictObject({ cardId: id, reason: z.string().trim().min(1, 'Say why the card is void.').max(500) }), response: custodyViewSchema, cardData: true },
  'handouts.returnRest': { request: byHandout, response: handoutSummarySchema.extend({ returnedNow: z.number().int() }), cardData: false },
  'handouts.sheet': { request: handoutSheetSchema, response: outputOutcomeSchema, cardData: true },
  'handouts.export': { request: handoutExportSchema, response: exportOutcomeSchema, cardData: true },
  'handouts.record': { request: byHandout, response: outputOutcomeSchema, cardData: true },

  'audit.list': {
    request: z.strictObject({
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
    }),
    response: z.array(auditEventSchema),
    cardData: false,
  },

  /** A page of the entries the filter picks, newest first; nextBeforeId asks for the next older page (keyset, no cap). */
  'audit.page': {
    request: z.strictObject({ ...auditFilter, beforeId: id.optional(), limit: z.number().int().min(1).max(1_000).optional() }),
    response: z.object({ entries: z.array(auditEventSchema), nextBeforeId: id.nullable() }),
    cardData: false,
  },
  /** The same pages from the other end, oldest first; nextAfterId asks for the next newer page. */
  'audit.pageFromOldest': {
    request: z.strictObject({ ...auditFilter, afterId: id.optional(), limit: z.number().int().min(1).max(1_000).optional() }),
    response: z.object({ entries: z.array(auditEventSchema), nextAfterId: id.nullable() }),
    cardData: false,
  },
  /** Every entry the filter picks, saved as CSV where the person chooses. */
  'audit.saveCsv': { request: z.strictObject(auditFilter), response: savedTable, cardData: false },
  'reports.spend': { request: z.strictObject({ ...days, by: spendBy }), response: z.object({ by: spendBy, rows: z.array(spendRowSchema) }), cardData: false },
  'reports.saveSpend': { request: z.strictObject({ ...days, by: spendBy, format: tableFormat }), response: savedTable, cardData: false },
  'reports.saveOrders': { request: z.strictObject({ ...days, format: tableFormat }), response: savedTable, cardData: false },
  'settings.get': { request: none, response: settingsSchema, cardData: false },
  'settings.change': { request: settingChangeSchema, response: settingsSchema, cardData: false },

  'lock.status': { request: none, response: lockViewSchema, cardData: false, whileLocked: true },
  'lock.setIdleMinutes': { request: z.strictObject({ minutes: z.number().int().min(1).max(60) }), response: lockViewSchema, cardData: false },
  'lock.lock': { request: none, response: lockViewSchema, cardData: false, whileLocked: true },
  'lock.unlock': { request: z.strictObject({ passcode: passcodeSchema }), response: lockViewSchema, cardData: false, whileLocked: true },
  'lock.unlockQuickly': { request: none, response: lockViewSchema, cardData: false, whileLocked: true },
  /** At start: the answer to the passcode screen's question (or the recovery key kept, or the question left). */
  'lock.answer': { request: startAnswerSchema, response: lockViewSchema, cardData: false, whileLocked: true },
  /** At start, on a new data folder: a backup picked in the open dialog, to restore instead of a first passcode. */
  'lock.restore': { request: none, response: lockViewSchema, cardData: false, whileLocked: true },
  /** At start: the new store's recovery kit (PDF), saved where the person chooses, while its key is shown. */
  'lock.saveRecoveryKit': { request: none, response: done, cardData: false, whileLocked: true },

  'vault.status': { request: none, response: vaultStatusSchema, cardData: false },
  /** The passcode typed again, for an act that asks for it (export, a whole order's cards, an account's key or host). */
  'vault.confirmPasscode': { request: z.strictObject({ passcode: passcodeSchema }), response: z.object({ confirmed: z.boolean() }), cardData: false },
  'vault.changePasscode': {
    request: z.strictObject({ oldPasscode: passcodeSchema, newPasscode: passcodeSchema }),
    response: z.object({ changed: z.boolean() }),
    cardData: false,
  },
  /** A new recovery key and its kit saved where the person chooses; the key is answered to be shown this once. */
  'vault.newRecoveryKit': { request: none, response: z.object({ done: z.boolean(), recoveryKey: z.string().nullable() }), cardData: false },
  /** A verified backup saved where the person chooses. */
  'vault.backupNow': { request: none, response: z.object({ done: z.boolean(), backup: backupViewSchema.nullable() }), cardData: false },
  /** Daily backups into a folder picked in the dialog. */
  'vault.chooseBackupFolder': { request: none, response: vaultStatusSchema, cardData: false },
  /** How many daily backups are kept; null turns daily backups off. */
  'vault.setBackupKeep': { request: z.strictObject({ keep: z.number().int().min(1).max(365).nullable() }), response: vaultStatusSchema, cardData: false },
  'vault.setIncludeSecrets': { request: z.strictObject({ include: z.boolean() }), response: vaultStatusSchema, cardData: false },

  /** A balance sweep recorded and driven (here, or by the process holding the engine lease). */
  'balances.start': { request: z.strictObject({ scope: sweepScopeSchema }), response: sweepProgressSchema, cardData: false },
  'balances.progress': { request: z.strictObject({ sweepId: id }), response: sweepProgressSchema, cardData: false },
  'balances.cancel': { request: z.strictObject({ sweepId: id }), response: sweepProgressSchema, cardData: false },
  'balances.list': { request: none, response: z.array(sweepProgressSchema), cardData: false },
  /** Last four digits and balances: card data, not shown while locked. */
  'balances.card': { request: z.strictObject({ cardId: id }), response: cardBalanceSchema, cardData: true },
  'balances.handout': { request: byHandout, response: handoutBalanceSchema, cardData: true },
  'balances.expiring': { request: z.strictObject({ days: z.union(EXPIRY_DAYS.map((d) => z.literal(d))) }), response: expiringSchema, cardData: true },
  /** The daily notice about stock that expires within 30 days (null: none, or given today already); names no card. */
  'balances.expiryNotice': { request: none, response: z.object({ notice: z.object({ title: z.string(), body: z.string() }).nullable() }), cardData: false },

  /** What the app opens on: spend, orders to look at, stock and what expires soon (local figures only). */
  'overview.get': { request: none, response: overviewSchema, cardData: false },
  /** An account's prepaid balance as its provider tells it now, or why not. */
  'accounts.balance': { request: byAccount, response: accountBalanceSchema, cardData: false },
} satisfies { [C in Channel]: ChannelSpec };

/** What main pushes to the renderer, unasked. */
export const events = {
  'order.progress': orderProgressSchema,
  'cards.count': z.object({ total: z.number().int() }),
  'lock.state': lockStateSchema,
  /** A daily backup was made (or failed): the banner and the Security screen read the status again. */
  'vault.backup': z.object({ overdue: z.boolean() }),
} satisfies { [E in EventName]: z.ZodType };

export type Channels = typeof channels;
export type Request<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<Channels[C]['request']>;
export type Response<C extends Channel> = z.output<Channels[C]['response']>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export { CHANNELS, EVENT_CHANNEL, EVENT_NAMES, isChannel, isEventName, type Channel, type EventName } from './channel-names';
