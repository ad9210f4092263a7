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
  revealedCardSchema,
} from './views';

// The one list of what may cross between renderer and main. Preload, main's dispatch and the renderer's client are
// all derived from it; a channel that is not here does not exist.

interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}

const none = z.strictObject({});
const lockStateSchema = z.object({ locked: z.boolean() });
const lockStatusSchema = z.object({ locked: z.boolean(), idleMinutes: z.number().int().nullable() });
const byAccount = z.strictObject({ accountId: z.string().min(1) });
const byOrder = z.strictObject({ orderId: z.number().int().positive() });

export const channels = {
  'accounts.list': { request: none, response: z.array(accountViewSchema) },
  'accounts.add': { request: accountAddSchema, response: accountViewSchema },
  'accounts.edit': { request: accountEditSchema, response: accountViewSchema },
  'accounts.remove': { request: byAccount, response: z.object({ removed: z.boolean() }) },
  'accounts.testConnection': { request: byAccount, response: connectionTestSchema },
  'accounts.products': { request: byAccount, response: productsSchema },

  'orders.parseCsv': {
    request: z.strictObject({ accountId: z.string().min(1), text: z.string().max(2_000_000) }),
    response: csvParseSchema,
  },
  'orders.validate': { request: orderDraftSchema, response: orderReviewSchema },
  'orders.place': { request: placeOrderSchema, response: orderViewSchema },
  'orders.list': { request: none, response: z.array(orderViewSchema) },
  'orders.get': { request: byOrder, response: orderViewSchema },
  'orders.progress': { request: byOrder, response: orderProgressSchema },
  'orders.checkNow': { request: byOrder, response: orderProgressSchema },
  'orders.cancel': { request: byOrder, response: orderViewSchema },

  'cards.search': { request: cardSearchSchema, response: cardPageSchema },
  'cards.count': { request: none, response: z.object({ total: z.number().int() }) },
  'cards.reveal': { request: z.strictObject({ cardId: z.number().int().positive() }), response: revealedCardSchema },
  'cards.sheet': { request: sheetRequestSchema, response: outputOutcomeSchema },
  'cards.export': { request: exportRequestSchema, response: exportOutcomeSchema },

  'audit.list': {
    request: z.strictObject({
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
    }),
    response: z.array(auditEventSchema),
  },

  'lock.status': { request: none, response: lockStatusSchema },
  'lock.setIdleMinutes': { request: z.strictObject({ minutes: z.number().int().min(1).max(60) }), response: lockStatusSchema },
  'lock.lock': { request: none, response: lockStateSchema },
  'lock.unlock': { request: none, response: lockStateSchema },
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
