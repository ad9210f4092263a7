import type { Actor } from '../../audit/vocabulary';
import type { OrderProgress } from '../../engine/engine-api';
import type { AppDeps } from '../app-deps';
import { checkLinesCsv } from './check-lines-csv';
import { checkNow } from './check-now';
import type { PlaceOrderInput } from './check-order';
import { getOrder, listOrders } from './order-summary';
import { placeOrder } from './place-order';
import { reverseOrder } from './reverse-order';
import { reviewOrder } from './review-order';
import { orderOf } from './order-of';
import { nameOrder, type OrderNaming } from './name-order';
import { orderHistory, type HistoryQuery } from './order-history';
import { orderDetail } from './order-detail';

export type { OrderLineInput, PlaceOrderInput } from './check-order';
export type { OrderSummary } from './order-summary';
export type { OrderReview } from './review-order';
export type { ReviewLine } from './review-lines';
export { ReversalRefused } from './reverse-order';
export { UnknownOrder } from './order-of';
export type { OrderNaming } from './name-order';
export type { HistoryPage, HistoryQuery } from './order-history';
export type { OrderDetail } from './order-detail';

/** Orders: review, place, follow, check now, reverse. */
export function orderCommands(deps: AppDeps) {
  return {
    review: (_actor: Actor, input: PlaceOrderInput) => reviewOrder(deps, input),
    place: (actor: Actor, input: PlaceOrderInput) => placeOrder(deps, actor, input),
    checkLinesCsv: (_actor: Actor, accountId: string, text: string) => checkLinesCsv(deps, accountId, text),
    reverse: (actor: Actor, orderId: number) => reverseOrder(deps, actor, orderId),
    checkNow: (actor: Actor, orderId: number) => checkNow(deps, actor, orderId),
    /** A person's name and memo for an order (audited); undefined leaves one as it is, null clears it. */
    name: (actor: Actor, orderId: number, naming: OrderNaming) => getOrder(deps, nameOrder(deps, actor, orderId, naming).id),
    list: (_actor: Actor, filter: { accountId?: string } = {}) => listOrders(deps, filter),
    get: (_actor: Actor, orderId: number) => getOrder(deps, orderId),
    /** What the order page shows: the order, its lines, who placed it, its timeline and its sheets and files. */
    detail: (_actor: Actor, orderId: number) => orderDetail(deps, orderId),
    /** The order history: one keyset page in the sort asked for, with the totals of everything the filter picks. */
    history: (actor: Actor, query: HistoryQuery = {}) => orderHistory(deps, actor, query),
    /** The name of every named order, by id (for sentences that name orders). */
    names: (_actor: Actor): Map<number, string> => deps.orders.names(),
    /** The orders not settled yet: what a `resume` would carry on. */
    open: (_actor: Actor) => listOrders(deps, { unsettledOnly: true }),
    progress: (_actor: Actor, orderId: number): OrderProgress => deps.engine.progress(orderOf(deps, orderId).id),
    /** Carries every unfinished order on (a CLI "resume", the desktop app at start). */
    resumeAll: (_actor: Actor, options: { pollEverySeconds?: number } = {}) => deps.engine.resumeAll(options),
    settled: (_actor: Actor, orderId: number) => deps.engine.settled(orderId),
    accepted: (_actor: Actor, orderId: number) => deps.engine.accepted(orderId),
    /** Every change of every order, as it happens. Returns the function that stops listening. */
    onProgress: (listener: (p: OrderProgress) => void) => deps.engine.onProgress(listener),
  };
}
