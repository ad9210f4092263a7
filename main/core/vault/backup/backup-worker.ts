// The backup thread: snapshot, write and verify a backup on a connection of its own, so that copying and checking
// a 100,000-card store never blocks the main thread's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { GiftdeskError } from '../../errors';
import { makeBackup, type BackupJob } from './make-backup';

try {
  parentPort!.postMessage({ made: makeBackup(workerData as BackupJob) });
} catch (err) {
  const kind = err instanceof GiftdeskError ? err.kind : 'unexpected';
  parentPort!.postMessage({ error: { kind, message: err instanceof Error ? err.message : String(err) } });
}
