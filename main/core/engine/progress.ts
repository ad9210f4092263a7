import { EventEmitter } from 'node:events';
import type { Order } from '../../../shared/domain';
import type { CardsRepo } from '../store/repos/cards';
import type { OrderProgress } from './engine-api';

/** How an order stands for people, and the one place its changes are announced to listeners (UI, CLI, waiters). */
export function createProgressHub(cards: Pick<CardsRepo, 'count'>) {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const of = (order: Order): OrderProgress => {
    const cardsStored = cards.count(order.id);
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
  return {
    of,
    emit: (order: Order): void => void events.emit('progress', of(order)),
    on(listener: (p: OrderProgress) => void): () => void {
      events.on('progress', listener);
      return () => events.off('progress', listener);
    },
  };
}

export type ProgressHub = ReturnType<typeof createProgressHub>;
