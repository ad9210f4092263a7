import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEventView } from '../../../../shared/ipc/views';
import { api, call, messageOf } from '../../lib/api';

const PAGE = 250;

export interface AuditFilterInput {
  actions?: string[];
  orderId?: number;
  from?: string;
  to?: string;
}

/**
 * The entries a filter picks, newest first, a page at a time as the table scrolls: each page starts below the last
 * id seen (keyset), so the 100,000th entry costs what the first did, and nothing is skipped or shown twice.
 */
export function useAuditPages(filter: AuditFilterInput) {
  const [entries, setEntries] = useState<AuditEventView[]>([]);
  // 'start': nothing asked yet; null: the oldest entry is in.
  const [cursor, setCursor] = useState<number | 'start' | null>('start');
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const loadMore = useCallback(async () => {
    if (loading.current || cursor === null) return;
    loading.current = true;
    const mine = generation.current;
    try {
      const page = await call(api().audit.page({ ...filter, ...(cursor === 'start' ? {} : { beforeId: cursor }), limit: PAGE }));
      if (mine !== generation.current) return;
      setEntries((e) => [...e, ...page.entries]);
      setCursor(page.nextBeforeId);
    } catch (err) {
      if (mine === generation.current) {
        setError(messageOf(err));
        setCursor(null);
      }
    } finally {
      loading.current = false;
    }
    // `key` stands for `filter`, whose identity changes on every render.
  }, [key, cursor]);

  const reset = useCallback(() => {
    generation.current += 1;
    loading.current = false;
    setEntries([]);
    setError(null);
    setCursor('start');
  }, []);
  useEffect(reset, [key, reset]);

  useEffect(() => {
    if (cursor === 'start') void loadMore();
  }, [cursor, loadMore]);

  return { entries, hasMore: cursor !== null, loadMore, error, reload: reset };
}
