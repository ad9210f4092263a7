// The store's side of a card job: the order's cards, read in batches as the worker asks for them, and the run itself.
import { runCardWorker, type RunCardJobOptions } from '../../exports/run-card-worker';
import { partialPathFor } from '../../fs/leftovers';
import type { CardJob, CardJobResult } from '../../exports/worker-protocol';
import { toPrintable } from '../../sheets/printable-card';
import type { OutputSource } from '../../sheets/sheet-job';
import type { AppDeps } from '../app-deps';

/** How a long card job reports and stops: cards handed to the worker so far, a signal to stop at the next batch. */
export type CardJobControl = Pick<RunCardJobOptions, 'batchSize' | 'onProgress' | 'signal'>;

/** The order a sheet or card file is made from, with its card count and whether its account is the sandbox. */
export function orderOutputSource(deps: Pick<AppDeps, 'orders' | 'cards' | 'accounts'>, orderId: number): OutputSource {
  const order = deps.orders.get(orderId);
  return { order, cardCount: deps.cards.count(order.id), sandbox: deps.accounts.find(order.accountId)?.provider === 'sandbox' };
}

/**
 * Runs the job in the card worker over the order's cards (a fresh pass each time the worker opens one). A file job's
 * temporary name is noted first, so a crash mid-write leaves nothing the next start does not remove.
 */
export async function runOrderCardJob(deps: Pick<AppDeps, 'cards' | 'cardJobWorker' | 'leftovers'>, orderId: number, job: CardJob, control: CardJobControl = {}): Promise<CardJobResult> {
  const open = function* () {
    for (const card of deps.cards.iterate(orderId)) yield toPrintable(card);
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
