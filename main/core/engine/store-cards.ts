import type { NewCard, Order } from '../../../shared/domain';
import type { CardPageRequest } from '../providers/provider-client';
import type { DriveContext } from './drive-context';
import { assignLines } from './order-lines';

/**
 * Stores a batch of cards and, when it is a full page, records the page as done — in one transaction, so a crash
 * leaves either both or neither. Cards already stored (same provider key) are left as they are.
 */
export function storeCards(ctx: DriveContext, order: Order, cards: readonly NewCard[], page: CardPageRequest | null, pageComplete = true): number {
  const now = ctx.clock.now();
  const withLines = assignLines(cards, ctx.lines);
  return ctx.db
    .transaction(() => {
      const added = ctx.cards.insertMany(order.id, withLines, now);
      if (page && pageComplete) ctx.pages.record(order.id, page.offset, page.limit, cards.length, now);
      return added;
    })
    .immediate();
}
