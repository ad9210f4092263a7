import type { Account, Order, OrderLine, OrderState } from '../../../shared/domain';
import type { Clock } from '../clock';
import type { ProviderClient } from '../providers/provider-client';
import type { AuditLog } from '../store/repos/audit';
import type { CardPagesRepo } from '../store/repos/card-pages';
import type { CardsRepo } from '../store/repos/cards';
import type { OrderChange, OrdersRepo } from '../store/repos/orders';
import type { Db } from '../store/open-database';
import type { CardWriter } from '../store/writer/card-writer';

/** What one order's driver works with. Every change goes through `commit`, which persists before anything else. */
export interface DriveContext {
  orderId: number;
  db: Db;
  orders: OrdersRepo;
  cards: CardsRepo;
  pages: CardPagesRepo;
  /** Stores cards off the main thread. */
  writer: CardWriter;
  audit: AuditLog;
  clock: Clock;
  account: Account;
  client: ProviderClient;
  lines: OrderLine[];
  /** Seconds between checks when set (command or account); otherwise the provider's guidance applies. */
  pollOverrideSeconds: number | null;
  /** Pages fetched at once. */
  concurrency: number;
  /** Persists the change, tells listeners, and returns the order as it now stands. */
  commit(change: OrderChange): Order;
  /** Tells listeners how the order stands (e.g. more cards stored) without writing anything. */
  notify(): void;
  /** Sleeps until the time given or until "check now" / stop, whichever comes first. */
  waitUntil(at: number): Promise<void>;
  signal: AbortSignal;
  /** Consecutive failed calls for this order, for backoff. */
  failures: number;
}

export const TERMINAL: readonly OrderState[] = ['complete', 'failed', 'cancelled', 'needs-attention'];

export function isSettled(state: OrderState): boolean {
  return TERMINAL.includes(state);
}
