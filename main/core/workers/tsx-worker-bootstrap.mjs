// Starts a TypeScript worker entry from source (CLI under tsx, tests under vitest): loader hooks are per thread, so
// the worker registers tsx itself before importing the entry. The desktop build bundles the entry and skips this.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
