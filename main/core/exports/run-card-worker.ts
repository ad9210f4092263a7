// Main-thread side of a card job: starts the worker, answers its pulls with batches of cards read from the store,
// and settles with the worker's result. The store (and its key) stays on this thread.
import { GiftdeskError } from '../errors';
import type { PrintableCard } from '../sheets/printable-card';
import { startWorker, type WorkerEntry } from '../workers/worker-entry';
import { receiveError } from '../workers/worker-error';
import type { CardJob, CardJobResult, FromWorker, ToWorker } from './worker-protocol';

/** Where the card job worker's code is, from source; the desktop build passes its bundled file through createCore. */
export function sourceCardWorker(): WorkerEntry {
  return { file: new URL('./card-worker.ts', import.meta.url), typescript: true };
}

export interface RunCardJobOptions {
  worker?: WorkerEntry;
  batchSize?: number;
  /** Cards handed to the worker so far, on every batch. */
  onProgress?: (cards: number) => void;
  /** Stops the job at its next batch; the worker removes its unfinished file and the promise rejects. */
  signal?: AbortSignal;
}

export class CardJobCancelled extends GiftdeskError {
  readonly kind = 'cancelled';
  constructor() {
    super('The card job was cancelled.');
  }
}

class CardWorkerStopped extends GiftdeskError {
  readonly kind = 'output-failed';
}

export function runCardWorker(job: CardJob, openCards: () => Iterator<PrintableCard>, options: RunCardJobOptions = {}): Promise<CardJobResult> {
  const entry = options.worker ?? sourceCardWorker();
  const batchSize = options.batchSize ?? 500;
  const worker = startWorker(entry, { job });
  const streams = new Map<number, Iterator<PrintableCard>>();
  let handed = 0;
  // A failure on this side is handed to the worker, which cleans up its file, then reported as the job's error.
  let mainSideError: unknown;

  return new Promise<CardJobResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'pull') {
        let cards: PrintableCard[] | null;
        try {
          if (options.signal?.aborted) throw new CardJobCancelled();
          cards = nextBatch(streams, m.stream, openCards, batchSize);
        } catch (err) {
          mainSideError = err;
          worker.postMessage({ type: 'batch', stream: m.stream, cards: null, error: err instanceof Error ? err.message : String(err) } satisfies ToWorker);
          return;
        }
        if (cards) {
          handed += cards.length;
          options.onProgress?.(handed);
        }
        worker.postMessage({ type: 'batch', stream: m.stream, cards } satisfies ToWorker);
      } else if (m.type === 'done') {
        settle(() => (mainSideError === undefined ? resolve(m.result) : reject(mainSideError)));
      } else {
        settle(() => reject(mainSideError ?? receiveError(m.error)));
      }
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new CardWorkerStopped(`The card worker stopped (exit code ${code}) before it finished; no file was written.`))));
  });
}

function nextBatch(
  streams: Map<number, Iterator<PrintableCard>>,
  id: number,
  openCards: () => Iterator<PrintableCard>,
  size: number,
): PrintableCard[] | null {
  let it = streams.get(id);
  if (!it) streams.set(id, (it = openCards()));
  const batch: PrintableCard[] = [];
  while (batch.length < size) {
    const r = it.next();
    if (r.done) break;
    batch.push(r.value);
  }
  if (batch.length === 0) {
    streams.delete(id);
    return null;
  }
  return batch;
}
