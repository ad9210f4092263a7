// The store's side of a card job: the order's cards, read in batches as the worker asks for them, and the run itself.
import type { Order } from '../../../../shared/domain';
import { isSettled } from '../../../../shared/order-state-machine';
import { GiftdeskError } from '../../errors';
import { runCardWorker, type RunCardJobOptions } from '../../exports/run-card-worker';
import { partialPathFor } from '../../fs/leftovers';
import type { CardJob, CardJobResult } from '../../exports/worker-protocol';
import { toPrintable } from '../../sheets/printable-card';
import type { OutputSource } from '../../sheets/sheet-job';
import type { AppDeps } from '../app-deps';
import { productNamer } from '../cards/card-product';
import { orderOf } from '../orders/order-of';

/** How a long card job reports and stops: cards handed to the worker so far, a signal to stop at the next batch. */
export type CardJobControl = Pick<RunCardJobOptions, 'batchSize' | 'onProgress' | 'signal'>;

/** An order without cards: an empty sheet or card file would look like success, so none is made. */
export class NoCardsToOutput extends GiftdeskError {
  readonly kind = 'no-cards';
  constructor(order: Pick<Order, 'id' | 'state'>, making: string) {
    const why = isSettled(order.state) ? `it is ${order.state}` : `it is ${order.state}; try again once its cards are in`;
    super(`Order ${order.id} has no cards (${why}), so there is nothing to put in ${making}. Nothing was written.`, { field: 'orderId' });
  }
}

/**
 * The order a sheet or card file is made from, with its card count and whether its account is the sandbox. Refuses
 * an unknown order or one without cards before anything is written.
 */
export function orderOutputSource(deps: Pick<AppDeps, 'orders' | 'cards' | 'accounts'>, orderId: number, making: 'a card sheet' | 'a card file'): OutputSource {
  const order = orderOf(deps, orderId);
  const cardCount = deps.cards.count(order.id);
  if (cardCount === 0) throw new NoCardsToOutput(order, making);
  return { order, cardCount, sandbox: deps.accounts.find(order.accountId)?.provider === 'sandbox' };
}

/**
 * Runs the job in the card worker over the order's cards (a fresh pass each time the worker opens one). A file job's
 * temporary name is noted first, so a crash mid-write leaves nothing the next start does not remove.
 */
export async function runOrderCardJob(deps: Pick<AppDeps, 'cards' | 'orders' | 'cardJobWorker' | 'leftovers'>, orderId: number, job: CardJob, control: CardJobControl = {}): Promise<CardJobResult> {
  const productName = productNamer(deps);
  const open = function* () {
    for (const card of deps.cards.iterate(orderId)) yield toPrintable({ ...card, productName: productName(card) });
  };
  if (!('outPath' in job)) return runCardWorker(job, open, { ...control, worker: deps.cardJobWorker });
  const partialPath = partialPathFor(job.outPath);
  const forget = deps.leftovers.track(partialPath, 'file');
  try {
    return await runCardWorker({ ...job, partialPath }, open, { ...control, worker: deps.cardJobWorker });
  } finally {
    forget();
  }
}
