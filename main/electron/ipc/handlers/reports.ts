import path from 'node:path';
import type { HandlerGroup } from './handler-types';
import { outputsOf } from './outputs-of';

const span = (q: { from?: string | null; to?: string | null }) => (q.from || q.to ? ` ${q.from ?? 'start'} to ${q.to ?? 'today'}` : '');

export const reportHandlers: HandlerGroup<'reports'> = {
  'reports.spend': async (query, { app, actor }) => app.reports.spend(actor, query),
  'reports.saveSpend': async ({ format, ...query }, context) => {
    const file = await outputsOf(context).chooseSavePath({ title: 'Save the spend report', suggestedName: `Giftdesk spend${span(query)}.${format}`, extension: format });
    if (!file) return { done: false, rows: 0, fileName: null };
    const saved = await context.app.reports.saveSpend(context.actor, query, file);
    return { done: true, rows: saved.rows, fileName: path.basename(file) };
  },
  'reports.saveOrders': async ({ format, ...query }, context) => {
    const file = await outputsOf(context).chooseSavePath({ title: 'Save the order history', suggestedName: `Giftdesk orders${span(query)}.${format}`, extension: format });
    if (!file) return { done: false, rows: 0, fileName: null };
    const saved = await context.app.reports.saveOrderHistory(context.actor, query, file);
    return { done: true, rows: saved.rows, fileName: path.basename(file) };
  },
};

export const settingsHandlers: HandlerGroup<'settings'> = {
  'settings.get': async (_, { app, actor }) => app.settings.all(actor),
  'settings.change': async (change, { app, actor }) => app.settings.change(actor, change),
};
