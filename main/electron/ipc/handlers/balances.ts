import type { HandlerGroup } from './handler-types';

export const balanceHandlers: HandlerGroup<'balances'> = {
  'balances.start': async ({ scope }, { app, actor }) => app.balances.start(actor, scope),
  'balances.progress': async ({ sweepId }, { app, actor }) => app.balances.progress(actor, sweepId),
  'balances.cancel': async ({ sweepId }, { app, actor }) => app.balances.cancel(actor, sweepId),
  'balances.list': async (_, { app, actor }) => app.balances.list(actor),
  'balances.card': async ({ cardId }, { app, actor }) => app.balances.card(actor, cardId),
  'balances.handout': async ({ handoutId }, { app, actor }) => app.balances.handout(actor, handoutId),
  'balances.expiring': async ({ days }, { app, actor }) => app.balances.expiring(actor, days),
  'balances.expiryNotice': async (_, { app, actor }) => ({ notice: app.balances.expiryNotice(actor) }),
};
