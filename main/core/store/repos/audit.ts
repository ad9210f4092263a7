import type { AuditEvent } from '../../../../shared/domain';
import type { Db } from '../open-database';

interface EventRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: string;
}

export interface NewAuditEvent {
  actor: string;
  action: string;
  subject: string;
  /** Never a secret: counts, formats, references, last four digits at most. */
  details?: Record<string, unknown>;
}

/** The append-only audit log: who revealed, printed or exported what, and what the engine did to each order. */
export function createAuditLog(db: Db, now: () => number) {
  const insert = db.prepare('INSERT INTO events (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  const toEvent = (r: EventRow): AuditEvent => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> });
  return {
    append(e: NewAuditEvent): number {
      return Number(insert.run(now(), e.actor, e.action, e.subject, JSON.stringify(e.details ?? {})).lastInsertRowid);
    },
    list(filter: { subject?: string; limit?: number; beforeId?: number } = {}): AuditEvent[] {
      const rows = db
        .prepare<[string | null, string | null, number | null, number | null, number], EventRow>(
          `SELECT * FROM events WHERE (? IS NULL OR subject = ?) AND (? IS NULL OR id < ?)
           ORDER BY id DESC LIMIT ?`,
        )
        .all(filter.subject ?? null, filter.subject ?? null, filter.beforeId ?? null, filter.beforeId ?? null, filter.limit ?? 200);
      return rows.map(toEvent);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
