import type { Channel, ParsedRequest, Response } from '../../../shared/ipc/contract';
import { addAccount, editAccount, listAccounts, removeAccount } from './accounts';
import type { AppContext } from './app-core';
import { cardExport, cardSheet } from './card-outputs';
import { listAudit } from './audit';
import { countCards, revealCard, searchCards } from './cards';
import { listProducts, testConnection } from './connection';
import { lockNow, lockStatus, setIdleMinutes, unlock } from './lock';
import { cancelOrder, checkNow, getOrder, listOrders, orderProgress, parseCsv, placeOrder, validateOrder } from './orders';

export type Handler<C extends Channel> = (request: ParsedRequest<C>, context: AppContext) => Promise<Response<C>>;

/** One handler per contract channel; the type makes a missing or extra one a compile error. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'accounts.list': listAccounts,
  'accounts.add': addAccount,
  'accounts.edit': editAccount,
  'accounts.remove': removeAccount,
  'accounts.testConnection': testConnection,
  'accounts.products': listProducts,
  'orders.parseCsv': parseCsv,
  'orders.validate': validateOrder,
  'orders.place': placeOrder,
  'orders.list': listOrders,
  'orders.get': getOrder,
  'orders.progress': orderProgress,
  'orders.checkNow': checkNow,
  'orders.cancel': cancelOrder,
  'cards.search': searchCards,
  'cards.count': countCards,
  'cards.reveal': revealCard,
  'cards.sheet': cardSheet,
  'cards.export': cardExport,
  'audit.list': listAudit,
  'lock.status': lockStatus,
  'lock.lock': lockNow,
  'lock.unlock': unlock,
  'lock.setIdleMinutes': setIdleMinutes,
};
