import type { HandlerGroup } from './handler-types';

export const auditHandlers: HandlerGroup<'audit'> = {
  'audit.list': async ({ beforeId, limit }, { app, actor }) => app.audit.list(actor, { beforeId, limit }),
};

