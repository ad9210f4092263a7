import type { AuditEventView } from '../../../../shared/ipc/views';
import { api, call } from '../../lib/api';
import { useKeysetPages } from '../../lib/use-keyset-pages';

const PAGE = 250;

export interface AuditFilterInput {
  actions?: string[];
  orderId?: number;
  from?: string;
  to?: string;
}

/**
 * The entries a filter picks, newest first, a window of pages by id (keyset) that opens at the newest or the oldest
 * entry at once: the 100,000th entry costs what the first did, and nothing is skipped or shown twice.
 */
export function useAuditPages(filter: AuditFilterInput) {
  return useKeysetPages<AuditEventView, number>(
    JSON.stringify(filter),
    async (way, after) => {
      if (way === 'down') {
        const page = await call(api().audit.page({ ...filter, ...(after !== null ? { beforeId: after } : {}), limit: PAGE }));
        return { rows: page.entries, next: page.nextBeforeId };
      }
      const page = await call(api().audit.pageFromOldest({ ...filter, ...(after !== null ? { afterId: after } : {}), limit: PAGE }));
      return { rows: page.entries, next: page.nextAfterId };
    },
    (entry) => entry.id,
  );
}
