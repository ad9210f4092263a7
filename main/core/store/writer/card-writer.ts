import type { Worker } from 'node:worker_threads';
import { GiftdeskError } from '../../errors';
import { startWorker, type WorkerEntry } from '../../workers/worker-entry';
import { receiveError } from '../../workers/worker-error';
import type { CardBatch, FromWriter, ToWriter, WriteResult, WriterConnection } from './writer-protocol';

export interface CardWriter {
  /** Stores a batch of cards (and records its page) in one transaction off the main thread; resolves with what it did. */
  write(batch: CardBatch): Promise<WriteResult>;
  /** Starts the thread ahead of the first write, so its start-up is not paid while cards wait. */
  warm(): void;
  /** Checks the whole file on the writer's thread (so start-up is not held up); resolves with what it found. */
  checkIntegrity(): Promise<string[]>;
  close(): Promise<void>;
}

const NOTHING: WriteResult = { added: 0, heldElsewhere: 0, quarantined: 0 };

class CardWriterStopped extends GiftdeskError {
  readonly kind = 'store-write-failed';
}

export function sourceCardWriterEntry(): WorkerEntry {
  return { file: new URL('./card-writer-worker.ts', import.meta.url), typescript: true };
}

/** Starts the writer thread on first use; one batch at a time, in the order given. */
export function createCardWriter(connection: WriterConnection, entry: WorkerEntry): CardWriter {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: WriteResult | string[]) => void; reject: (e: Error) => void }>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = startWorker(entry, connection);
    w.on('message', (m: FromWriter) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ('error' in m) p.reject(receiveError({ ...m.error, message: `Storing cards failed: ${m.error.message}` }));
      else if ('problems' in m) p.resolve(m.problems);
      else p.resolve('added' in m ? m.added : NOTHING);
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new CardWriterStopped(`The card writer stopped (exit code ${code}).`)));
    worker = w;
    return w;
  };
  const send = <T extends WriteResult | string[]>(message: (id: number) => ToWriter, w: Worker) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (r: WriteResult | string[]) => void, reject });
      w.postMessage(message(id));
    });

  return {
    write: (batch) => send<WriteResult>((id) => ({ id, batch }), ensure()),
    checkIntegrity: () => send<string[]>((id) => ({ id, check: true }), ensure()),
    warm: () => void ensure(),
    async close() {
      if (!worker) return;
      const w = worker;
      await send((id) => ({ id, close: true }), w).catch(() => undefined);
      worker = null;
      await w.terminate();
    },
  };
}
