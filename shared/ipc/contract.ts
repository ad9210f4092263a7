import { z } from 'zod';
import { exportOutcomeSchema, exportRequestSchema, outputOutcomeSchema, sheetRequestSchema } from '../card-outputs';
import type { Channel, EventName } from './channel-names';
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
  orderProgressSchema,
  orderReviewSchema,
  orderViewSchema,
  placeOrderSchema,
  productsSchema,
  quarantinedCardViewSchema,
  revealedCardSchema,
} from './views';

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
}

/** Any contract of channels (the app's below, or a test's fixture). */
export type Contract = Record<string, ChannelSpec>;

const none = z.strictObject({});
const lockStateSchema = z.object({ locked: z.boolean() });
const lockStatusSchema = z.object({ locked: z.boolean(), idleMinutes: z.number().int().nullable() });
const byAccount = z.strictObject({ accountId: z.string().min(1) });
const byOrder = z.strictObject({ orderId: z.number().int().positive() });

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

  'cards.search': { request: cardSearchSchema, response: cardPageSchema, cardData: true },
  'cards.count': { request: none, response: z.object({ total: z.number().int() }), cardData: false },
  'cards.reveal': { request: z.strictObject({ cardId: z.number().int().positive() }), response: revealedCardSchema, cardData: true },
  /** The cards that came with an order but are not its own, masked, each with why. */
  'cards.quarantined': { request: byOrder, response: z.array(quarantinedCardViewSchema), cardData: true },
  'cards.sheet': { request: sheetRequestSchema, response: outputOutcomeSchema, cardData: true },
  'cards.export': { request: exportRequestSchema, response: exportOutcomeSchema, cardData: true },

  'audit.list': {
    request: z.strictObject({
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
    }),
    response: z.array(auditEventSchema),
    cardData: false,
  },

  'lock.status': { request: none, response: lockStatusSchema, cardData: false },
  'lock.setIdleMinutes': { request: z.strictObject({ minutes: z.number().int().min(1).max(60) }), response: lockStatusSchema, cardData: false },
  'lock.lock': { request: none, response: lockStateSchema, cardData: false },
  'lock.unlock': { request: none, response: lockStateSchema, cardData: false },
} satisfies { [C in Channel]: ChannelSpec };

/** What main pushes to the renderer, unasked. */
export const events = {
  'order.progress': orderProgressSchema,
  'cards.count': z.object({ total: z.number().int() }),
  'lock.state': lockStateSchema,
} satisfies { [E in EventName]: z.ZodType };

export type Channels = typeof channels;
export type Request<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<Channels[C]['request']>;
export type Response<C extends Channel> = z.output<Channels[C]['response']>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export { CHANNELS, EVENT_CHANNEL, EVENT_NAMES, isChannel, isEventName, type Channel, type EventName } from './channel-names';
