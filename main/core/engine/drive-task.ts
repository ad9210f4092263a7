import type { Account, Order } from '../../../shared/domain';
import type { Actor } from '../audit/vocabulary';
import type { Clock } from '../clock';
import type { ProviderClient } from '../providers/provider-client';
import type { CardPagesRepo } from '../store/repos/card-pages';
import type { CardsRepo } from '../store/repos/cards';
import type { OrderFields, OrdersRepo } from '../store/repos/orders';
import type { QuarantinedCardsRepo } from '../store/repos/quarantined-cards';
import { isLeaseLost } from '../store/errors';
import type { CardWriter } from '../store/writer/card-writer';
import type { DriveContext } from './drive-context';
import { driveOrder } from './drive-order';
import { createOrderSleeper } from './order-sleeper';
import type { ProgressHub } from './progress';
import type { DriveTask } from './task-registry';

export interface DriveTaskDeps {
  accounts: { get(id: string): Account };
  orders: OrdersRepo;
  cards: CardsRepo;
  /** Cards that came with the order but are not its own (another value, product, currency, order…). */
  quarantine: QuarantinedCardsRepo;
  pages: CardPagesRepo;
  writer: CardWriter;
  clock: Clock;
  hub: ProgressHub;
  providerFor(accountId: string): Promise<ProviderClient>;
  /** Who the engine's own state changes are recorded under. */
  actor: Actor;
  /** The engine lease every write is made under: a write after the lease was lost is refused by the store. */
  fence: EngineFence;
}

export interface EngineFence {
  /** The current lease's token, or null once it is lost. */
  holder(): string | null;
  /** Runs a write on the main thread's connection only while the lease is still ours (LeaseLost otherwise). */
  write<T>(write: () => T): T;
  /** A write was refused: the lease is gone, stop driving. */
  lost(): void;
}

/** Starts the driver of one order: its provider client, its context (every change through the state machine), its loop. */
export function startDriveTask(deps: DriveTaskDeps, orderId: number, pollOverrideSeconds: number | undefined): DriveTask {
  const order = deps.orders.get(orderId);
  const account = deps.accounts.get(order.accountId);
  const abort = new AbortController();
  const sleeper = createOrderSleeper(deps.clock, abort.signal);
  const announce = (changed: Order) => {
    deps.hub.emit(changed);
    return changed;
  };
  const transition: DriveContext['transition'] = (event, fields = {}) =>
    announce(deps.fence.write(() => deps.orders.transition(orderId, event, fields, deps.actor, deps.clock.now())));

  const drive = async () => {
    let client: ProviderClient;
    try {
      client = await deps.providerFor(account.id);
    } catch (err) {
      // No key, no certificate, no keychain: nothing can be sent or checked until a person fixes the account.
      const message = err instanceof Error ? err.message : String(err);
      const sent = deps.orders.get(orderId).submitAttempts > 0;
      const fields: OrderFields = { lastError: message, nextPollAt: null };
      return sent
        ? transition('stuck', { ...fields, stateReason: `The account cannot be used right now: ${message} Fix it, then press "check now".` })
        : transition('refused', { ...fields, stateReason: `Nothing was sent: ${message}`, settledAt: deps.clock.now() });
    }
    return driveOrder({
      orderId,
      orders: deps.orders,
      cards: deps.cards,
      quarantine: deps.quarantine,
      pages: deps.pages,
      writer: { write: (batch) => deps.writer.write({ ...batch, lease: deps.fence.holder() }) },
      clock: deps.clock,
      account,
      client,
      lines: deps.orders.lines(orderId),
      pollOverrideSeconds: pollOverrideSeconds ?? order.pollEverySeconds ?? account.pollEverySeconds,
      concurrency: account.fetchConcurrency,
      transition,
      note: (fields) => announce(deps.fence.write(() => deps.orders.note(orderId, fields, deps.clock.now()))),
      notify: () => deps.hub.emit(deps.orders.get(orderId)),
      waitUntil: sleeper.waitUntil,
      signal: abort.signal,
      failures: 0,
      unknownStatusChecks: 0,
    });
  };
  // A write the store refused because another process took the lease over: this driver stops where it is, having
  // written nothing more, and the engine stops the others; the order goes on in the process that holds the lease.
  const done = drive().catch((err: unknown) => {
    if (!isLeaseLost(err)) throw err;
    deps.fence.lost();
    return deps.orders.get(orderId);
  });
  return { done, wake: sleeper.wake, abort };
}
