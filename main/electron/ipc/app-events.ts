import type { AppEvent } from '../../../shared/ipc/contract';
import type { App } from '../../core/app/create-app';
import type { Actor } from '../../core/audit/vocabulary';

/** Forwards what the renderer watches live (order progress, how many cards are stored). Returns the stop function. */
export function watchAppEvents(app: App, actor: Actor, emit: (event: AppEvent) => void): () => void {
  let lastTotal = -1;
  return app.orders.onProgress((progress) => {
    emit({ name: 'order.progress', payload: progress });
    const total = app.cards.count(actor);
    if (total !== lastTotal) {
      lastTotal = total;
      emit({ name: 'cards.count', payload: { total } });
    }
  });
}
