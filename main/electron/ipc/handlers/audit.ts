import path from 'node:path';
import type { HandlerGroup } from './handler-types';
import { outputsOf } from './outputs-of';

const today = () => new Date().toISOString().slice(0, 10);

export const auditHandlers: HandlerGroup<'audit'> = {
  'audit.list': async ({ beforeId, limit }, { app, actor }) => app.audit.list(actor, { beforeId, limit }),
  'audit.page': async (query, { app, actor }) => app.audit.page(actor, query),
  'audit.pageFromOldest': async (query, { app, actor }) => app.audit.pageFromOldest(actor, query),
  'audit.saveCsv': async (query, context) => {
    const file = await outputsOf(context).chooseSavePath({ title: 'Save the audit log', suggestedName: `Giftdesk audit log ${today()}.csv`, extension: 'csv' });
    if (!file) return { done: false, rows: 0, fileName: null };
    const saved = await context.app.audit.exportCsv(context.actor, query, file);
    return { done: true, rows: saved.rows, fileName: path.basename(file) };
  },
};
