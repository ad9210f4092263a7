import type { Order } from '../../../shared/domain';
import { isSettled } from '../../../shared/order-state-machine';
import { isLeaseLost } from '../store/errors';
import type { EngineLeaseRepo } from '../store/repos/engine-lease';
import { startDriveTask, type DriveTaskDeps } from './drive-task';
import type { OrderEngine } from './engine-api';
import { createLeaseHeartbeat } from './lease-heartbeat';
import { waitForOrder } from './order-waiter';
import { createProgressHub } from './progress';
import { createTaskRegistry } from './task-registry';

export interface OrderEngineDeps extends Omit<DriveTaskDeps, 'hub' | 'fence'> {
  lease: EngineLeaseRepo;
  /** Who drives the orders, shown to another process that finds the lease taken ("desktop app", "CLI"). */
  label: string;
  /** How long the lease lasts without renewal (engine-lease.ts's LEASE_TTL_MS); tests shorten it. */
  leaseTtlMs: number;
}

/** The order engine: one driver per unsettled order, under one lease per data folder. */
export function createOrderEngine(deps: OrderEngineDeps): OrderEngine {
  const hub = createProgressHub(deps.cards);
  const tasks = createTaskRegistry();
  const lease = createLeaseHeartbeat(deps.lease, deps.clock, deps.label, deps.leaseTtlMs, () => void engine.stop());
  const fenced = <T>(write: () => T): T => {
    try {
      return deps.lease.fenced(lease.holder(), write);
    } catch (err) {
      if (isLeaseLost(err)) lease.lost();
      throw err;
    }
  };
  const taskDeps: DriveTaskDeps = { ...deps, hub, fence: { holder: lease.holder, write: fenced, lost: lease.lost } };
  const pollOverrides = new Map<number, number>();
  let stopping: Promise<void> | null = null;

  const start = (orderId: number) => {
    const running = tasks.get(orderId);
    if (running) return running;
    lease.ensure();
    deps.writer.warm();
    return tasks.add(orderId, startDriveTask(taskDeps, orderId, pollOverrides.get(orderId)));
  };
  const unsettled = (orderId: number) => !isSettled(deps.orders.get(orderId).state);
  const wokenWhileRunning = new Set<number>();
  tasks.onEnd((order) => {
    if (wokenWhileRunning.delete(order.id) && stopping === null && unsettled(order.id)) start(order.id);
  });

  const engine: OrderEngine = {
    claim: () => lease.ensure(),
    holdsLease: () => lease.held(),
    fenced,
    drive(orderId) {
      if (unsettled(orderId)) start(orderId);
    },
    wake(orderId) {
      if (!unsettled(orderId)) return;
      // A driver that already read its order as settled is on its way out and would swallow this wake-up.
      wokenWhileRunning.add(orderId);
      start(orderId).wake();
    },
    halt(orderId) {
      wokenWhileRunning.delete(orderId);
      return tasks.halt(orderId);
    },
    settled: (orderId) => waitForOrder(deps.orders, hub, tasks, orderId, (o) => isSettled(o.state)),
    accepted: (orderId) => waitForOrder(deps.orders, hub, tasks, orderId, (o: Order) => o.state !== 'draft' && o.state !== 'submitting'),
    resumeAll(options = {}) {
      const orders = deps.orders.list({ unsettledOnly: true });
      if (orders.length === 0) return [];
      lease.ensure();
      for (const order of orders) {
        if (options.pollEverySeconds !== undefined) pollOverrides.set(order.id, options.pollEverySeconds);
        start(order.id);
      }
      return orders;
    },
    announce: (order) => hub.emit(order),
    progress: (orderId) => hub.of(deps.orders.get(orderId)),
    onProgress: (listener) => hub.on(listener),
    stop() {
      // A second stop (closing while a lost lease is stopping the engine) waits for the first to finish.
      stopping ??= (async () => {
        wokenWhileRunning.clear();
        await tasks.haltAll();
        lease.release();
      })().finally(() => (stopping = null));
      return stopping;
    },
  };
  return engine;
}
