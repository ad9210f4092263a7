// Worker side: the order's cards as batches pulled from the main thread one at a time (the pull is the back-pressure).
import type { MessagePort } from 'node:worker_threads';
import type { PrintableCard } from '../sheets/printable-card';
import type { FromWorker, ToWorker } from './worker-protocol';

export interface CardStreams {
  /** A fresh pass over all of the order's cards, in id order. */
  open(): AsyncIterable<PrintableCard[]>;
}

export function cardStreams(port: MessagePort): CardStreams {
  const waiting = new Map<number, (m: ToWorker) => void>();
  let next = 0;
  port.on('message', (m: ToWorker) => {
    if (m.type !== 'batch') return;
    const resolve = waiting.get(m.stream);
    waiting.delete(m.stream);
    resolve?.(m);
  });
  const post = (m: FromWorker) => port.postMessage(m);
  return {
    open() {
      const stream = ++next;
      return {
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const m = await new Promise<ToWorker>((resolve) => {
              waiting.set(stream, resolve);
              post({ type: 'pull', stream });
            });
            if (m.error !== undefined) throw new Error(m.error);
            if (m.cards === null) return;
            yield m.cards;
          }
        },
      };
    },
  };
}
