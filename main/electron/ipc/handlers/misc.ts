import type { HandlerGroup } from './handler-types';

export const auditHandlers: HandlerGroup<'audit'> = {
  'audit.list': async ({ beforeId, limit }, { app, actor }) => app.audit.list(actor, { beforeId, limit }),
};

export const lockHandlers: HandlerGroup<'lock'> = {
  'lock.status': async (_, { app, actor, lock }) => app.lock.status(actor, lock),
  'lock.lock': async (_, { app, actor, lock }) => ({ locked: app.lock.lock(actor, lock).locked }),
  'lock.unlock': async (_, { app, actor, lock }) => ({ locked: (await app.lock.unlock(actor, lock)).locked }),
  'lock.setIdleMinutes': async ({ minutes }, { app, actor, lock }) => app.settings.setLockIdleMinutes(actor, minutes, lock),
};
