import type { Account, Order } from '../../../shared/domain';
import type { OrderView } from '../../../shared/ipc/views';
import type { AppCore } from './app-core';

const NO_REVERSAL: readonly Order['state'][] = ['draft', 'submitting', 'cancelled', 'failed'];

/** An order with its live progress, and whether a reversal may be asked for now. */
export function toOrderView(core: AppCore, order: Order, accounts: Map<string, Account> = new Map()): OrderView {
  const account = accounts.get(order.accountId) ?? core.accounts.find(order.accountId);
  return {
    id: order.id,
    accountId: order.accountId,
    accountName: account?.name ?? 'Removed account',
    clientReference: order.clientReference,
    providerOrderId: order.providerOrderId,
    state: order.state,
    quantity: order.quantity,
    totalCents: order.totalCents,
    currency: order.currency,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    mode: order.realtime ? 'real-time' : 'batch',
    canCancel: canCancel(order, account ?? null, core.clock.now()),
    progress: core.engine.progress(order.id),
  };
}

function canCancel(order: Order, account: Account | null, now: number): boolean {
  const speaksWpay = account?.provider === 'wpay' || account?.sandboxFlavor === 'wpay';
  if (!speaksWpay || NO_REVERSAL.includes(order.state) || order.cancelAllowed !== true) return false;
  if (order.cancelWithinMinutes === null) return true;
  return now < (order.acceptedAt ?? order.createdAt) + order.cancelWithinMinutes * 60_000;
}
