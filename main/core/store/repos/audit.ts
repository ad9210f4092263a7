import { LEGACY_NAMES, translateLegacy } from '../../audit/legacy-entries';
import { subjectOf, type Actor, type AuditAction, type AuditEntry, type AuditRecord } from '../../audit/vocabulary';
import type { Db } from '../open-database';

interface EventRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: string;
  via: Actor['via'] | null;
  os_user: string | null;
}

/** Which entries a page holds: by action, by order, by time (ms, `to` excluded); all of them when empty. */
export interface AuditFilter {
  actions?: readonly AuditAction[];
  orderId?: number;
  from?: number;
  to?: number;
}

/** One page, newest first, and where the next older one starts (null: there is none). Keyset, never an offset. */
export interface AuditPage {
  entries: AuditEntry[];
  nextBeforeId: number | null;
}

/** The WHERE clause of a filter, with its parameters; an action also matches the older names it was written under. */
function whereOf(filter: AuditFilter & { beforeId?: number; afterId?: number }): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  if (filter.beforeId !== undefined) add('id < ?', filter.beforeId);
  if (filter.afterId !== undefined) add('id > ?', filter.afterId);
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at < ?', filter.to);
  // An order's own entries have it as their subject; a card's (a reveal of one card) name the order in their fields.
  // Both terms are indexed (the subject; migration 10's partial index on a card entry's order, whose WHERE this term
  // must repeat word for word), so a page of one order's entries is found without reading the whole log.
  if (filter.orderId !== undefined) add("(subject = ? OR (subject LIKE 'card:%' AND json_extract(details, '$.orderId') = ?))", `order:${filter.orderId}`, filter.orderId);
  if (filter.actions) {
    const legacy = filter.actions.flatMap((a) => LEGACY_NAMES[a]?.names ?? []);
    const anyState = filter.actions.some((a) => LEGACY_NAMES[a]?.orderStates);
    const alternatives = [`(via IS NOT NULL AND action IN (${marks(filter.actions.length) || "''"}))`];
    if (legacy.length > 0) alternatives.push(`(via IS NULL AND action IN (${marks(legacy.length)}))`);
    if (anyState) alternatives.push("(via IS NULL AND action LIKE 'order.%')");
    add(`(${alternatives.join(' OR ')})`, ...filter.actions, ...legacy);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The append-only audit log: who revealed, printed or exported what, and every state change of every order. */
export function createAuditLog(db: Db, now: () => number) {
  const insert = db.prepare('INSERT INTO events (at, actor, action, subject, details, via, os_user) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const read = (r: EventRow): AuditEntry => {
    const details = JSON.parse(r.details) as Record<string, unknown>;
    if (r.via === null) return translateLegacy({ id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details });
    // Written in the vocabulary by append below, so its action and fields are the ones AuditRecord says.
    return { id: r.id, at: r.at, subject: r.subject, actor: { via: r.via, user: r.os_user }, recorded: null, ...({ action: r.action, details } as AuditRecord) };
  };
  function pageOf(filter: AuditFilter & { beforeId?: number; afterId?: number; limit: number }, order: 'ASC' | 'DESC'): { entries: AuditEntry[]; next: number | null } {
    const where = whereOf(filter);
    const rows = db.prepare<(string | number)[], EventRow>(`SELECT * FROM events ${where.sql} ORDER BY id ${order} LIMIT ?`).all(...where.params, filter.limit);
    const wanted = filter.actions ? new Set<string>(filter.actions) : null;
    const entries = rows.map(read).filter((e) => wanted === null || wanted.has(e.action));
    return { entries, next: rows.length === filter.limit ? rows[rows.length - 1]!.id : null };
  }
  return {
    /** Records one act of the vocabulary; callers run it in the same transaction as the change it records. */
    append(actor: Actor, record: AuditRecord): number {
      return Number(insert.run(now(), actor.via, record.action, subjectOf(record), JSON.stringify(record.details), actor.via, actor.user).lastInsertRowid);
    },
    list(filter: { subject?: string; limit?: number; beforeId?: number } = {}): AuditEntry[] {
      const rows = db
        .prepare<[string | null, string | null, number | null, number | null, number], EventRow>(
          `SELECT * FROM events WHERE (? IS NULL OR subject = ?) AND (? IS NULL OR id < ?)
           ORDER BY id DESC LIMIT ?`,
        )
        .all(filter.subject ?? null, filter.subject ?? null, filter.beforeId ?? null, filter.beforeId ?? null, filter.limit ?? 200);
      return rows.map(read);
    },
    /**
     * A page of the entries a filter picks, newest first. Older entries found by an older name are translated and
     * checked again, so a page may hold fewer than `limit`; nextBeforeId still says where to go on.
     */
    page(filter: AuditFilter & { beforeId?: number; limit: number }): AuditPage {
      const { entries, next } = pageOf(filter, 'DESC');
      return { entries, nextBeforeId: next };
    },
    /** A page the other way, oldest first, starting after an entry: the oldest end of the log in one query. */
    pageFromOldest(filter: AuditFilter & { afterId?: number; limit: number }): { entries: AuditEntry[]; nextAfterId: number | null } {
      const { entries, next } = pageOf(filter, 'ASC');
      return { entries, nextAfterId: next };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
