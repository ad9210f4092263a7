import type { AppEvent } from '../../../shared/ipc/contract';
import type { AppCore } from './app-core';
import { totalCards } from './cards';

/** Forwards what the renderer watches live (order progress, how many cards are stored). Returns the stop function. */
export function watchAppEvents(core: AppCore, emit: (event: AppEvent) => void): () => void {
  let lastTotal = -1;
  return core.engine.onProgress((progress) => {
    emit({ name: 'order.progress', payload: progress });
    const total = totalCards(core);
    if (total !== lastTotal) {
      lastTotal = total;
      emit({ name: 'cards.count', payload: { total } });
    }
  });
}
