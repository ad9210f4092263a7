import path from 'node:path';
import { auditSentencesNaming, auditWho, VIA_WORDS } from '../../../../shared/audit-sentences';
import { AUDIT_ACTIONS, type Actor, type AuditAction, type AuditEntry } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import { localTimestamp } from '../../../../shared/local-time';
import { dayRange } from '../../reports/date-range';
import { writeTableFile, type Table } from '../../reports/table-file';
import type { AuditFilter, AuditPage } from '../../store/repos/audit';
import type { AppDeps } from '../app-deps';

/** A filter as a front door gives it: actions of the vocabulary, an order, and days (YYYY-MM-DD, both included). */
export interface AuditQuery {
  actions?: readonly string[];
  orderId?: number;
  from?: string | null;
  to?: string | null;
}

/** The largest page asked for at once; the rest comes page by page, by id (keyset), however long the log. */
export const AUDIT_PAGE_MAX = 1_000;

function filterOf(query: AuditQuery): AuditFilter {
  const unknown = (query.actions ?? []).filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new ValidationError('action', `"${unknown[0]}" is not an action of the audit log. Choose one of: ${AUDIT_ACTIONS.join(', ')}.`);
  const actions = query.actions && query.actions.length > 0 ? (query.actions as readonly AuditAction[]) : undefined;
  if (query.orderId !== undefined && (!Number.isSafeInteger(query.orderId) || query.orderId <= 0)) throw new ValidationError('order', 'Give an order number, e.g. 12.');
  return { actions, orderId: query.orderId, ...dayRange(query.from, query.to) };
}

function auditTable(entries: readonly AuditEntry[], orderNames: ReadonlyMap<number, string>): Table {
  const sentence = auditSentencesNaming((id) => orderNames.get(id) ?? null);
  return {
    sheet: 'Audit log',
    columns: [
      { name: 'entry', kind: 'count' },
      { name: 'when', kind: 'text' },
      { name: 'who', kind: 'text' },
      { name: 'via', kind: 'text' },
      { name: 'user', kind: 'text' },
      { name: 'action', kind: 'text' },
      { name: 'what', kind: 'text' },
      { name: 'subject', kind: 'text' },
    ],
    rows: entries.map((e) => [e.id, localTimestamp(e.at), auditWho(e.actor), VIA_WORDS[e.actor.via], e.actor.user, e.action === 'unknown' ? e.recorded : e.action, sentence(e), e.subject]),
  };
}

/** Reading the audit log (newest first, in pages) and saving it; writing it is each command's own business. */
export function auditQueries(deps: AppDeps) {
  return {
    list: (_actor: Actor, page: { beforeId?: number; limit?: number; subject?: string } = {}): AuditEntry[] =>
      deps.audit.list({ beforeId: page.beforeId, limit: page.limit ?? 200, subject: page.subject }),
    /** One page of the entries a filter picks; nextBeforeId asks for the next, older one. */
    page: (_actor: Actor, query: AuditQuery & { beforeId?: number; limit?: number } = {}): AuditPage =>
      deps.audit.page({ ...filterOf(query), beforeId: query.beforeId, limit: Math.min(query.limit ?? 200, AUDIT_PAGE_MAX) }),
    /** One page oldest first, after an entry; nextAfterId asks for the next, newer one (the log's other end, at once). */
    pageFromOldest: (_actor: Actor, query: AuditQuery & { afterId?: number; limit?: number } = {}) =>
      deps.audit.pageFromOldest({ ...filterOf(query), afterId: query.afterId, limit: Math.min(query.limit ?? 200, AUDIT_PAGE_MAX) }),
    /** Every entry the filter picks, newest first, as a CSV of sentences (and the codes beside them); recorded itself. */
    async exportCsv(actor: Actor, query: AuditQuery, outPath: string): Promise<{ rows: number; file: string }> {
      if (!/\.csv$/i.test(outPath)) throw new ValidationError('out', 'Name the file .csv.');
      const filter = filterOf(query);
      const entries: AuditEntry[] = [];
      let beforeId: number | null | undefined;
      do {
        const page = deps.audit.page({ ...filter, beforeId: beforeId ?? undefined, limit: AUDIT_PAGE_MAX });
        entries.push(...page.entries);
        beforeId = page.nextBeforeId;
      } while (beforeId !== null);
      await writeTableFile(outPath, auditTable(entries, deps.orders.names()));
      const file = path.basename(outPath);
      deps.transaction(() =>
        deps.audit.append(actor, { action: 'records.export', details: { kind: 'audit', format: 'csv', rows: entries.length, from: query.from ?? null, to: query.to ?? null, file } }),
      );
      return { rows: entries.length, file };
    },
  };
}
