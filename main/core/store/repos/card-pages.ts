import type { Db } from '../open-database';

/** Which card pages of an order are stored, so that a restart fetches only what is missing. */
export function createCardPagesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO card_pages (order_id, page_offset, page_limit, cards, fetched_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (order_id, page_offset) DO UPDATE SET cards = excluded.cards, fetched_at = excluded.fetched_at`,
  );
  const done = db.prepare<[number], { page_offset: number }>('SELECT page_offset FROM card_pages WHERE order_id = ?');
  return {
    record(orderId: number, offset: number, limit: number, cards: number, now: number): void {
      insert.run(orderId, offset, limit, cards, now);
    },
    doneOffsets(orderId: number): Set<number> {
      return new Set(done.all(orderId).map((r) => r.page_offset));
    },
  };
}

export type CardPagesRepo = ReturnType<typeof createCardPagesRepo>;
