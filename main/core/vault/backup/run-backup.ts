import { GiftdeskError } from '../../errors';
import { startWorker, type WorkerEntry } from '../../workers/worker-entry';
import type { BackupJob, BackupMade } from './make-backup';

export function sourceBackupWorkerEntry(): WorkerEntry {
  return { file: new URL('./backup-worker.ts', import.meta.url), typescript: true };
}

/** An error from the backup thread, with the kind it had there (backup-verify-failed, store-corrupt, …). */
export class BackupFailed extends GiftdeskError {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** One backup on a thread of its own, started for it and gone when it is done. */
export function runBackup(entry: WorkerEntry, job: BackupJob): Promise<BackupMade> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, job);
    let settled = false;
    worker.once('message', (m: { made: BackupMade } | { error: { kind: string; message: string } }) => {
      settled = true;
      if ('made' in m) resolve(m.made);
      else reject(new BackupFailed(m.error.kind, m.error.message));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new BackupFailed('unexpected', `The backup thread stopped (exit code ${code}) before it was done.`));
    });
  });
}
