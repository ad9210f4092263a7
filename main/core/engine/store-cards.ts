import type { NewCard, Order } from '../../../shared/domain';
import type { CardPageRequest } from '../providers/provider-client';
import type { WriteResult } from '../store/writer/writer-protocol';
import { checkCards } from './check-cards';
import type { DriveContext } from './drive-context';

/**
 * Checks a batch of cards against the order, then stores the ordered ones and quarantines the rest and, when it is
 * a full page, records the page as done — in one transaction on the writer thread, so a crash leaves either both or
 * neither. Cards already stored for this order (same provider key) are left as they are; a card another order of
 * the account holds is refused and quarantined by the store.
 */
export function storeCards(
  ctx: DriveContext,
  order: Order,
  cards: readonly NewCard[],
  page: CardPageRequest | null,
  answerCurrency: string | null,
  pageComplete = true,
): Promise<WriteResult> {
  const { ordered, quarantined } = checkCards(cards, ctx.lines, order.currency, answerCurrency);
  return ctx.writer.write({
    orderId: order.id,
    cards: ordered,
    quarantined,
    page: page && pageComplete ? page : null,
    now: ctx.clock.now(),
  });
}
