// The card worker's entry point (bundled as its own file for the desktop build): runs one job, reports, and exits.
import { parentPort, workerData } from 'node:worker_threads';
import { transferError } from '../workers/worker-error';
import { cardStreams } from './card-stream';
import { runCardJob } from './card-jobs';
import type { CardJob, FromWorker } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('card-worker runs only as a worker thread');
const job = (workerData as { job: CardJob }).job;
const post = (m: FromWorker) => port.postMessage(m);

runCardJob(job, cardStreams(port)).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'failed', error: transferError(err, 'output-failed') }),
);
