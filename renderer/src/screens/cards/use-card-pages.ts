import type { CardSearchInput, CardView } from '../../../../shared/ipc/views';
import { api, call } from '../../lib/api';
import { useKeysetPages } from '../../lib/use-keyset-pages';
import { flip, type CardOrder } from './card-order';

/** Rows a page: a table shows ~15, so a page (and a jump to either end) is small and seven screens scroll before the next. */
const PAGE = 100;

export type CardFilter = Omit<CardSearchInput, 'afterId' | 'limit' | 'sort' | 'direction'>;

/** The cards a search picks, in the order chosen: a window of keyset pages (after a card's id) that opens at either end at once. */
export function useCardPages(filter: CardFilter, order: CardOrder) {
  return useKeysetPages<CardView, number>(
    JSON.stringify([filter, order.value]),
    async (way, afterId) => {
      const direction = way === 'down' ? order.direction : flip(order.direction);
      const page = await call(api().cards.search({ ...filter, sort: order.sort, direction, ...(afterId !== null ? { afterId } : {}), limit: PAGE }));
      return { rows: page.cards, next: page.nextAfterId };
    },
    (card) => card.id,
  );
}
