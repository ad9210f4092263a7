import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardSearchInput, CardView } from '../../../../shared/ipc/views';
import { api, call, messageOf } from '../../lib/api';

const PAGE = 1000;

/** Cards matching a search, fetched a page at a time as the table scrolls, so 25,000 rows never cross at once. */
export function useCardPages(search: Omit<CardSearchInput, 'afterId' | 'limit'>) {
  const [cards, setCards] = useState<CardView[]>([]);
  const [nextAfterId, setNextAfterId] = useState<number | null>(0);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const generation = useRef(0);
  const key = JSON.stringify(search);

  const loadMore = useCallback(async () => {
    if (loading.current || nextAfterId === null) return;
    loading.current = true;
    const mine = generation.current;
    try {
      const page = await call(api().cards.search({ ...search, afterId: nextAfterId, limit: PAGE }));
      if (mine !== generation.current) return;
      setCards((c) => [...c, ...page.cards]);
      setNextAfterId(page.nextAfterId);
    } catch (err) {
      if (mine === generation.current) {
        setError(messageOf(err));
        setNextAfterId(null);
      }
    } finally {
      loading.current = false;
    }
    // `key` stands for `search`, whose identity changes on every render.
  }, [key, nextAfterId]);

  useEffect(() => {
    generation.current += 1;
    loading.current = false;
    setCards([]);
    setError(null);
    setNextAfterId(0);
  }, [key]);

  useEffect(() => {
    if (nextAfterId === 0 && cards.length === 0) void loadMore();
  }, [nextAfterId, cards.length, loadMore]);

  return { cards, hasMore: nextAfterId !== null, loadMore, error };
}
