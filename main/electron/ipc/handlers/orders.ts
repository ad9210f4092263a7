import type { HandlerGroup } from './handler-types';

export const orderHandlers: HandlerGroup<'orders'> = {
  'orders.parseCsv': ({ accountId, text }, { app, actor }) => app.orders.checkLinesCsv(actor, accountId, text),
  'orders.validate': (draft, { app, actor }) => app.orders.review(actor, draft),
  'orders.place': async (input, { app, actor }) => app.orders.get(actor, (await app.orders.place(actor, input)).id),
  'orders.list': async (_, { app, actor }) => app.orders.list(actor),
  'orders.get': async ({ orderId }, { app, actor }) => app.orders.get(actor, orderId),
  'orders.progress': async ({ orderId }, { app, actor }) => app.orders.progress(actor, orderId),
  'orders.checkNow': async ({ orderId }, { app, actor }) => app.orders.checkNow(actor, orderId),
  'orders.name': async ({ orderId, name, memo }, { app, actor }) => app.orders.name(actor, orderId, { name, memo }),
  'orders.history': async (query, { app, actor }) => app.orders.history(actor, query),
  'orders.detail': async ({ orderId }, { app, actor }) => app.orders.detail(actor, orderId),
  'orders.cancel': async ({ orderId }, { app, actor }) => app.orders.get(actor, (await app.orders.reverse(actor, orderId)).id),
};
