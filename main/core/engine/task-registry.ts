import { EventEmitter } from 'node:events';
import type { Order } from '../../../shared/domain';

/** One order's driver: its promise (the order as it stood when the driver stopped), its wake-up and its stop. */
export interface DriveTask {
  done: Promise<Order>;
  wake(): void;
  abort: AbortController;
}

/** The drivers running in this process, at most one per order. */
export function createTaskRegistry() {
  const tasks = new Map<number, DriveTask>();
  const ended = new EventEmitter();
  ended.setMaxListeners(0);
  return {
    get: (orderId: number): DriveTask | undefined => tasks.get(orderId),
    add(orderId: number, task: DriveTask): DriveTask {
      tasks.set(orderId, task);
      // Gone from the registry before anyone hears of the end, so a listener may start the order's next driver.
      void task.done
        .finally(() => {
          if (tasks.get(orderId) === task) tasks.delete(orderId);
        })
        .then((order) => ended.emit('end', order));
      return task;
    },
    /** Calls the listener with the order as it stood whenever a driver stops. */
    onEnd(listener: (order: Order) => void): () => void {
      ended.on('end', listener);
      return () => ended.off('end', listener);
    },
    async halt(orderId: number): Promise<void> {
      const task = tasks.get(orderId);
      task?.abort.abort();
      await task?.done.catch(() => undefined);
    },
    async haltAll(): Promise<void> {
      for (const task of tasks.values()) task.abort.abort();
      await Promise.allSettled([...tasks.values()].map((t) => t.done));
    },
  };
}

export type TaskRegistry = ReturnType<typeof createTaskRegistry>;
