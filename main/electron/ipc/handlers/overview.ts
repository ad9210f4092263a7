import type { HandlerGroup } from './handler-types';

export const overviewHandlers: HandlerGroup<'overview'> = {
  'overview.get': async (_, { app, actor }) => app.overview.get(actor),
};
