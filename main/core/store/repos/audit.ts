import { translateLegacy } from '../../audit/legacy-entries';
import { subjectOf, type Actor, type AuditEntry, type AuditRecord } from '../../audit/vocabulary';
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

/** The append-only audit log: who revealed, printed or exported what, and every state change of every order. */
export function createAuditLog(db: Db, now: () => number) {
  const insert = db.prepare('INSERT INTO events (at, actor, action, subject, details, via, os_user) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const read = (r: EventRow): AuditEntry => {
    const details = JSON.parse(r.details) as Record<string, unknown>;
    if (r.via === null) return translateLegacy({ id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details });
    // Written in the vocabulary by append below, so its action and fields are the ones AuditRecord says.
    return { id: r.id, at: r.at, subject: r.subject, actor: { via: r.via, user: r.os_user }, recorded: null, ...({ action: r.action, details } as AuditRecord) };
  };
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
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
