import type { Account, Order } from '../../../../shared/domain';
import type { OrderProgress } from '../../engine/engine-api';
import { limitsFor } from '../../providers/provider-limits';
import { reversalRefusal } from '../../providers/reversal-rule';
import type { AppDeps } from '../app-deps';
import { orderOf } from './order-of';

/** An order as people see it: with its account's name, its live progress, and whether a reversal may be asked for now. */
export interface OrderSummary
  extends Pick<Order, 'id' | 'accountId' | 'clientReference' | 'providerOrderId' | 'state' | 'stateReason' | 'quantity' | 'totalCents' | 'currency' | 'createdAt' | 'updatedAt' | 'name' | 'memo'> {
  accountName: string;
  mode: 'real-time' | 'batch';
  canCancel: boolean;
  progress: OrderProgress;
  /** Cards that came with this order but are not its own (cards ORDER --quarantined). */
  quarantinedCards: number;
  /** Orders that were sent cards this order already holds: the same card handed out twice by the provider. */
  cardsAlsoSentTo: { orderId: number; cards: number }[];
}

export function summarizeOrder(deps: AppDeps, order: Order, account: Account | null): OrderSummary {
  return {
    id: order.id,
    accountId: order.accountId,
    accountName: account?.name ?? 'Removed account',
    clientReference: order.clientReference,
    providerOrderId: order.providerOrderId,
    state: order.state,
    stateReason: order.stateReason,
    quantity: order.quantity,
    totalCents: order.totalCents,
    currency: order.currency,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    name: order.name,
    memo: order.memo,
    mode: order.realtime ? 'real-time' : 'batch',
    canCancel: account !== null && reversalRefusal(order, limitsFor(account), deps.clock.now()) === null,
    progress: deps.engine.progress(order.id),
    quarantinedCards: deps.quarantine.count(order.id),
    cardsAlsoSentTo: deps.quarantine.claimedBy(order.id),
  };
}

export function listOrders(deps: AppDeps, filter: { accountId?: string; unsettledOnly?: boolean } = {}): OrderSummary[] {
  const accounts = new Map(deps.accounts.list().map((a) => [a.id, a]));
  return deps.orders.list(filter).map((o) => summarizeOrder(deps, o, accounts.get(o.accountId) ?? null));
}

export function getOrder(deps: AppDeps, orderId: number): OrderSummary {
  const order = orderOf(deps, orderId);
  return summarizeOrder(deps, order, deps.accounts.find(order.accountId));
}
