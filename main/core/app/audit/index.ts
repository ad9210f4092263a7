import type { Actor, AuditEntry } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';

/** Reading the audit log (newest first, in pages); writing it is each command's own business. */
export function auditQueries(deps: AppDeps) {
  return {
    list: (_actor: Actor, page: { beforeId?: number; limit?: number; subject?: string } = {}): AuditEntry[] =>
      deps.audit.list({ beforeId: page.beforeId, limit: page.limit ?? 200, subject: page.subject }),
  };
}
