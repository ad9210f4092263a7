import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Where a worker thread's code is. From source it is a .ts file started through tsx (CLI, tests); the desktop build
 * bundles each worker into its own .cjs file and the shell passes that path in through createCore.
 */
export interface WorkerEntry {
  file: string | URL;
  typescript?: boolean;
}

export function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
  if (!entry.typescript) return new Worker(entry.file, { workerData });
  const href = (entry.file instanceof URL ? entry.file : pathToFileURL(entry.file)).href;
  return new Worker(new URL('./tsx-worker-bootstrap.mjs', import.meta.url), { workerData: { ...(workerData as object), entry: href } });
}
