import type { NewCard, Order } from '../../../shared/domain';
import type { CardPageRequest } from '../providers/provider-client';
import type { DriveContext } from './drive-context';
import { assignLines } from './order-lines';

/**
 * Stores a batch of cards and, when it is a full page, records the page as done — in one transaction on the writer
 * thread, so a crash leaves either both or neither. Cards already stored (same provider key) are left as they are.
 */
export function storeCards(ctx: DriveContext, order: Order, cards: readonly NewCard[], page: CardPageRequest | null, pageComplete = true): Promise<number> {
  return ctx.writer.write({
    orderId: order.id,
    cards: assignLines(cards, ctx.lines),
    page: page && pageComplete ? page : null,
    now: ctx.clock.now(),
  });
}
