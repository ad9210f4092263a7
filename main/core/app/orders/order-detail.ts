import type { OrderLine } from '../../../../shared/domain';
import type { ActorVia, AuditEntry } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { getOrder, type OrderSummary } from './order-summary';

/** The newest entries of an order's timeline shown at once; the audit log, filtered on the order, has every one. */
export const TIMELINE_SHOWN = 100;

export interface OrderDetail {
  order: OrderSummary;
  lines: (Pick<OrderLine, 'lineNo' | 'sku' | 'productName' | 'faceValueCents' | 'quantity'> & { cardsStored: number })[];
  /** Who placed it and through which front door, from its "order placed" entry (null: an order older than the log). */
  placedBy: { via: ActorVia; user: string | null; at: number } | null;
  /** The order's audit entries, newest first; `timelineMore`: older ones are in the audit log. */
  timeline: AuditEntry[];
  timelineMore: boolean;
  /** Every card sheet and card file made of it, newest first. */
  outputs: AuditEntry[];
}

/** Everything the order page shows of one order, in one answer. */
export function orderDetail(deps: AppDeps, orderId: number): OrderDetail {
  const order = getOrder(deps, orderId);
  const perLine = deps.cards.countByLine(orderId);
  const placed = deps.audit.page({ orderId, actions: ['order.place'], limit: 1 }).entries[0] ?? null;
  const timeline = deps.audit.page({ orderId, limit: TIMELINE_SHOWN });
  return {
    order,
    lines: deps.orders.lines(orderId).map((l) => ({ lineNo: l.lineNo, sku: l.sku, productName: l.productName, faceValueCents: l.faceValueCents, quantity: l.quantity, cardsStored: perLine.get(l.id) ?? 0 })),
    placedBy: placed && { via: placed.actor.via, user: placed.actor.user, at: placed.at },
    timeline: timeline.entries,
    timelineMore: timeline.nextBeforeId !== null,
    outputs: deps.audit.page({ orderId, actions: ['sheet.print', 'sheet.save', 'sheet.preview', 'cards.export'], limit: TIMELINE_SHOWN }).entries,
  };
}
