import { EventEmitter } from 'node:events';
import type { Account, Order } from '../../../shared/domain';
import type { Clock } from '../clock';
import type { ProviderClient } from '../providers/provider-client';
import { ProviderError } from '../providers/provider-error';
import type { Db } from '../store/open-database';
import type { AccountsRepo } from '../store/repos/accounts';
import type { AuditLog } from '../store/repos/audit';
import type { CardPagesRepo } from '../store/repos/card-pages';
import type { CardsRepo } from '../store/repos/cards';
import type { EngineLeaseRepo } from '../store/repos/engine-lease';
import type { OrdersRepo } from '../store/repos/orders';
import type { CardWriter } from '../store/writer/card-writer';
import { GiftdeskError, ValidationError } from '../errors';
import { newClientReference } from '../providers/client-reference';
import { isSettled, type DriveContext } from './drive-context';
import { driveOrder } from './drive-order';
import type { OrderEngine, OrderProgress, PlaceOrderInput } from './engine-api';
import { acquireEngineLease, LEASE_RENEW_MS, type EngineLease } from './engine-lease';
import { createOrderSleeper } from './order-sleeper';
import { validateOrder } from './validate-order';

export interface OrderEngineDeps {
  db: Db;
  accounts: AccountsRepo;
  orders: OrdersRepo;
  cards: CardsRepo;
  pages: CardPagesRepo;
  writer: CardWriter;
  lease: EngineLeaseRepo;
  audit: AuditLog;
  clock: Clock;
  providerFor(accountId: string): Promise<ProviderClient>;
  limitsFor(account: Account): ProviderClient['limits'];
  /** Who drives the orders, shown to another process that finds the lease taken ("desktop app", "CLI"). */
  label: string;
  /** Who acts, for the audit log. */
  actor: string;
}

interface Task {
  done: Promise<Order>;
  wake(): void;
  abort: AbortController;
}

export class CancelRefused extends GiftdeskError {
  readonly kind = 'cancel-refused';
}

/** The order engine: one driver task per unsettled order, under one lease per data folder. */
export function createOrderEngine(deps: OrderEngineDeps): OrderEngine {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const tasks = new Map<number, Task>();
  const pollOverrides = new Map<number, number>();
  let lease: EngineLease | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let stopping = false;

  const progressOf = (order: Order): OrderProgress => {
    const cardsStored = deps.cards.count(order.id);
    const fetchingPercent = order.state === 'fetching' || order.state === 'complete' ? Math.floor((cardsStored / order.quantity) * 100) : null;
    return {
      orderId: order.id,
      state: order.state,
      stateReason: order.stateReason,
      percent: fetchingPercent ?? order.percentComplete,
      cardsStored,
      quantity: order.quantity,
      nextPollAt: order.nextPollAt,
      lastError: order.lastError,
    };
  };
  const emit = (order: Order) => events.emit('progress', progressOf(order));

  const ensureLease = () => {
    if (lease) return;
    lease = acquireEngineLease(deps.lease, deps.clock, deps.label);
    heartbeat = setInterval(() => {
      if (lease && !lease.renew()) {
        // Another process took over (this one stalled past the lease): stop driving rather than race it.
        lease = null;
        void engine.stop();
      }
    }, LEASE_RENEW_MS);
    heartbeat.unref();
  };

  const start = (orderId: number): Task => {
    const existing = tasks.get(orderId);
    if (existing) return existing;
    ensureLease();
    deps.writer.warm();
    const order = deps.orders.get(orderId);
    const account = deps.accounts.get(order.accountId);
    const abort = new AbortController();
    const sleeper = createOrderSleeper(deps.clock, abort.signal);
    const task: Task = { abort, wake: sleeper.wake, done: Promise.resolve() as unknown as Promise<Order> };
    task.done = (async () => {
      let client: ProviderClient;
      try {
        client = await deps.providerFor(account.id);
      } catch (err) {
        // No key, no certificate, no keychain: nothing can be sent or checked until a person fixes the account.
        const message = err instanceof Error ? err.message : String(err);
        const now = deps.clock.now();
        const current = deps.orders.get(orderId);
        const change =
          current.submitAttempts === 0
            ? { state: 'failed' as const, stateReason: `Nothing was sent: ${message}`, settledAt: now }
            : { state: 'needs-attention' as const, stateReason: `The account cannot be used right now: ${message} Fix it, then press "check now".` };
        const after = deps.orders.update(orderId, { ...change, lastError: message, nextPollAt: null }, now);
        emit(after);
        return after;
      }
      const ctx: DriveContext = {
        orderId,
        db: deps.db,
        orders: deps.orders,
        cards: deps.cards,
        pages: deps.pages,
        writer: deps.writer,
        audit: deps.audit,
        clock: deps.clock,
        account,
        client,
        lines: deps.orders.lines(orderId),
        pollOverrideSeconds: pollOverrides.get(orderId) ?? order.pollEverySeconds ?? account.pollEverySeconds,
        concurrency: account.fetchConcurrency,
        commit: (change) => {
          // The change and its audit entry are one commit: the log never misses a transition that happened.
          const after = deps.db
            .transaction(() => {
              const before = deps.orders.get(orderId);
              const updated = deps.orders.update(orderId, change, deps.clock.now());
              if (updated.state !== before.state) {
                deps.audit.append({
                  actor: 'engine',
                  action: `order.${updated.state}`,
                  subject: `order:${orderId}`,
                  details: { from: before.state, reference: updated.clientReference, reason: updated.stateReason },
                });
              }
              return updated;
            })
            .immediate();
          emit(after);
          return after;
        },
        notify: () => emit(deps.orders.get(orderId)),
        waitUntil: sleeper.waitUntil,
        signal: abort.signal,
        failures: 0,
      };
      return driveOrder(ctx);
    })().finally(() => {
      tasks.delete(orderId);
    });
    tasks.set(orderId, task);
    return task;
  };

  const engine: OrderEngine = {
    validate(input) {
      const account = deps.accounts.find(input.accountId);
      validateOrder(input, account, account ? deps.limitsFor(account) : null);
    },

    async place(input) {
      engine.validate(input);
      ensureLease();
      const account = deps.accounts.get(input.accountId);
      const limits = deps.limitsFor(account);
      const reference = input.reference ?? newClientReference(deps.clock.now());
      const quantity = input.lines.reduce((n, l) => n + l.quantity, 0);
      // Checking the reference, writing the draft and its audit entry are one commit, before anything is sent.
      const order = deps.db
        .transaction(() => {
          if (deps.orders.findByReference(account.id, reference)) {
            throw new ValidationError('reference', `Reference ${reference} was already used for another order of this account.`);
          }
          const draft = deps.orders.createDraft(
            {
              accountId: account.id,
              clientReference: reference,
              currency: account.currency,
              lines: input.lines,
              realtime: limits.realtimeMaxQuantity !== null && quantity <= limits.realtimeMaxQuantity,
              pollEverySeconds: input.pollEverySeconds ?? null,
            },
            deps.clock.now(),
          );
          deps.audit.append({
            actor: deps.actor,
            action: 'order.place',
            subject: `order:${draft.id}`,
            details: { reference, quantity, totalCents: draft.totalCents, currency: draft.currency, account: account.name },
          });
          return draft;
        })
        .immediate();
      emit(order);
      start(order.id);
      return order;
    },

    async settled(orderId) {
      const order = deps.orders.get(orderId);
      if (isSettled(order.state)) return order;
      const task = tasks.get(orderId);
      if (task) return task.done;
      return new Promise<Order>((resolve) => {
        const off = engine.onProgress((p) => {
          if (p.orderId === orderId && isSettled(p.state)) {
            off();
            resolve(deps.orders.get(orderId));
          }
        });
      });
    },

    accepted(orderId) {
      const past = (o: Order) => o.state !== 'draft' && o.state !== 'submitting';
      const order = deps.orders.get(orderId);
      if (past(order)) return Promise.resolve(order);
      return new Promise<Order>((resolve) => {
        const off = engine.onProgress((p) => {
          if (p.orderId !== orderId) return;
          const now = deps.orders.get(orderId);
          if (past(now)) {
            off();
            resolve(now);
          }
        });
      });
    },

    checkNow(orderId) {
      const order = deps.orders.get(orderId);
      if (order.state === 'needs-attention') {
        // A person fixed something: start again from what is known (a send, if any, is looked up by reference first).
        const resumeAt = order.providerOrderId ? 'fetching' : order.submitAttempts > 0 ? 'submitting' : 'draft';
        emit(deps.orders.update(orderId, { state: resumeAt, stateReason: null, nextPollAt: deps.clock.now() }, deps.clock.now()));
      }
      if (isSettled(deps.orders.get(orderId).state)) return;
      const task = tasks.get(orderId) ?? start(orderId);
      task.wake();
    },

    async cancel(orderId) {
      ensureLease();
      const order = deps.orders.get(orderId);
      if (!order.cancelAllowed) throw new CancelRefused('The provider does not allow this order to be cancelled.');
      const deadline = order.acceptedAt !== null && order.cancelWithinMinutes !== null ? order.acceptedAt + order.cancelWithinMinutes * 60_000 : null;
      if (deadline !== null && deps.clock.now() > deadline) {
        throw new CancelRefused(`The provider allowed cancelling for ${order.cancelWithinMinutes} minutes after the order was accepted; that time has passed.`);
      }
      const client = await deps.providerFor(order.accountId);
      let result;
      try {
        result = await client.cancel({ reference: order.clientReference, providerOrderId: order.providerOrderId });
      } catch (err) {
        if (err instanceof ProviderError) throw new CancelRefused(`The provider refused the cancellation: ${err.providerMessage ?? err.message}`, { cause: err });
        throw err;
      }
      if (!result.accepted) throw new CancelRefused(`The provider refused the cancellation: ${result.message}`);
      tasks.get(orderId)?.abort.abort();
      const now = deps.clock.now();
      const cancelled = deps.db
        .transaction(() => {
          deps.audit.append({ actor: deps.actor, action: 'order.cancel', subject: `order:${orderId}`, details: { reference: order.clientReference, from: order.state } });
          return deps.orders.update(orderId, { state: 'cancelled', stateReason: `Reversal requested: ${result.message}`, nextPollAt: null, settledAt: now }, now);
        })
        .immediate();
      emit(cancelled);
      return cancelled;
    },

    resumeAll(options = {}) {
      const unsettled = deps.orders.list({ unsettledOnly: true });
      if (unsettled.length === 0) return [];
      ensureLease();
      for (const order of unsettled) {
        if (options.pollEverySeconds !== undefined) pollOverrides.set(order.id, options.pollEverySeconds);
        start(order.id);
      }
      return unsettled;
    },

    progress(orderId) {
      return progressOf(deps.orders.get(orderId));
    },

    onProgress(listener) {
      events.on('progress', listener);
      return () => events.off('progress', listener);
    },

    async stop() {
      if (stopping) return;
      stopping = true;
      for (const task of tasks.values()) task.abort.abort();
      await Promise.allSettled([...tasks.values()].map((t) => t.done));
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      lease?.release();
      lease = null;
      stopping = false;
    },
  };
  return engine;
}
