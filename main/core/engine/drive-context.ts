import type { Account, Order, OrderLine } from '../../../shared/domain';
import type { OrderEvent } from '../../../shared/order-state-machine';
import type { Clock } from '../clock';
import type { ProviderClient } from '../providers/provider-client';
import type { CardPagesRepo } from '../store/repos/card-pages';
import type { CardsRepo } from '../store/repos/cards';
import type { OrderFields, OrdersRepo } from '../store/repos/orders';
import type { QuarantinedCardsRepo } from '../store/repos/quarantined-cards';
import type { CardBatch, WriteResult } from '../store/writer/writer-protocol';

/** What one order's driver works with. Every change is persisted before anything else happens. */
export interface DriveContext {
  orderId: number;
  orders: OrdersRepo;
  cards: CardsRepo;
  /** Cards that came with the order but are not its own (another value, product, currency, order…). */
  quarantine: QuarantinedCardsRepo;
  pages: CardPagesRepo;
  /** Stores cards off the main thread, under this process's engine lease (refused once the lease is lost). */
  writer: { write(batch: Omit<CardBatch, 'lease'>): Promise<WriteResult> };
  clock: Clock;
  account: Account;
  client: ProviderClient;
  lines: OrderLine[];
  /** Seconds between checks when set (command or account); otherwise the provider's guidance applies. */
  pollOverrideSeconds: number | null;
  /** Pages fetched at once. */
  concurrency: number;
  /** Applies a state-machine event with the fields it brings (a state change is audited with it); tells listeners. */
  transition(event: OrderEvent, fields?: OrderFields): Order;
  /** Keeps bookkeeping (next check, last error…) without a state change; tells listeners. */
  note(fields: OrderFields): Order;
  /** Tells listeners how the order stands (e.g. more cards stored) without writing anything. */
  notify(): void;
  /** Sleeps until the time given or until "check now" / stop, whichever comes first. */
  waitUntil(at: number): Promise<void>;
  signal: AbortSignal;
  /** Consecutive failed calls for this order, for backoff. */
  failures: number;
  /** Consecutive status answers with a word no document lists, so that such an order is not polled forever. */
  unknownStatusChecks: number;
}
