import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryPageView, HistoryQueryInput, HistoryRowView, OrderProgressView } from '../../../../shared/ipc/views';
import { api, call, messageOf } from '../../lib/api';

const PAGE = 100;

export type HistoryFilterInput = Omit<HistoryQueryInput, 'after' | 'limit'>;

/**
 * The orders a filter picks, in its sort, a page at a time as the table scrolls (keyset: each page starts after the
 * last row's sort key), with the totals of the whole filter. A row's progress is kept current from main's events;
 * an order this list has not seen (placed elsewhere, or by the CLI) is said, and shown on "Refresh".
 */
export function useOrderHistory(filter: HistoryFilterInput) {
  const [rows, setRows] = useState<HistoryRowView[]>([]);
  const [totals, setTotals] = useState<HistoryPageView['totals'] | null>(null);
  // 'start': nothing asked yet; null: the last page is in.
  const [cursor, setCursor] = useState<number[] | 'start' | null>('start');
  const [error, setError] = useState<string | null>(null);
  const [unseen, setUnseen] = useState<ReadonlySet<number>>(new Set());
  const loading = useRef(false);
  const generation = useRef(0);
  const shown = useRef(new Set<number>());
  const key = JSON.stringify(filter);

  const loadMore = useCallback(async () => {
    if (loading.current || cursor === null) return;
    loading.current = true;
    const mine = generation.current;
    try {
      const page = await call(api().orders.history({ ...filter, ...(cursor === 'start' ? {} : { after: cursor }), limit: PAGE }));
      if (mine !== generation.current) return;
      for (const r of page.rows) shown.current.add(r.id);
      setRows((before) => [...before, ...page.rows]);
      setTotals(page.totals);
      setCursor(page.next);
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

  const reload = useCallback(() => {
    generation.current += 1;
    loading.current = false;
    shown.current = new Set();
    setRows([]);
    setTotals(null);
    setError(null);
    setUnseen(new Set());
    setCursor('start');
  }, []);
  useEffect(reload, [key, reload]);

  useEffect(() => {
    if (cursor === 'start') void loadMore();
  }, [cursor, loadMore]);

  // Only the row of the order that changed is replaced: the others keep their identity, and do not render again.
  useEffect(
    () =>
      api().on('order.progress', (p: OrderProgressView) => {
        if (!shown.current.has(p.orderId)) return setUnseen((ids) => (ids.has(p.orderId) ? ids : new Set([...ids, p.orderId])));
        setRows((before) =>
          before.map((r) => (r.id === p.orderId ? { ...r, state: p.state, stateReason: p.stateReason, cardsStored: p.cardsStored, nextPollAt: p.nextPollAt, lastError: p.lastError } : r)),
        );
      }),
    [],
  );

  return { rows, totals, hasMore: cursor !== null, loadMore, error, reload, unseen: unseen.size };
}
