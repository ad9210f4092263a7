import path from 'node:path';
import type { Actor } from '../../audit/vocabulary';
import type { BackupResult, BackupStatus } from '../../vault/backup/backups';
import type { AppDeps } from '../app-deps';

/**
 * Backups as a person works them: one now, the daily schedule (folder and how many are kept), whether API keys go in,
 * and how the last one went. Every backup made or failed is in the audit log, by hand or by the schedule.
 */
export function backupCommands(deps: AppDeps) {
  const recordMade = (actor: Actor, result: BackupResult, scheduled: boolean) =>
    deps.transaction(() =>
      deps.audit.append(actor, {
        action: 'backup.made',
        details: {
          file: path.basename(result.file),
          scheduled,
          withSecrets: result.withSecrets ?? false,
          orders: result.counts?.orders ?? 0,
          cards: result.counts?.cards ?? 0,
          events: result.counts?.events ?? 0,
          bytes: result.bytes ?? 0,
        },
      }),
    );
  const recordFailed = (actor: Actor, file: string, scheduled: boolean, err: unknown) =>
    deps.transaction(() =>
      deps.audit.append(actor, {
        action: 'backup.failed',
        details: { file: path.basename(file), scheduled, reason: err instanceof Error ? err.message : String(err) },
      }),
    );

  return {
    status: (_actor: Actor): BackupStatus => deps.backups.status(),

    /** A verified backup into `outFile`; API keys go in as the person chose (or as the Security setting says). */
    async backupNow(actor: Actor, input: { outFile: string; includeSecrets?: boolean }): Promise<BackupResult> {
      const includeSecrets = input.includeSecrets ?? deps.backups.status().includeSecrets;
      try {
        const result = await deps.backups.backup(input.outFile, { includeSecrets });
        recordMade(actor, result, false);
        return result;
      } catch (err) {
        recordFailed(actor, input.outFile, false, err);
        throw err;
      }
    },

    /** Daily backups into `folder`, the last `keep` kept; null turns them off. */
    setSchedule(actor: Actor, schedule: { folder: string; keep?: number } | null): BackupStatus {
      const set = deps.backups.setSchedule(schedule);
      deps.transaction(() =>
        deps.audit.append(actor, {
          action: 'backup.schedule',
          details: { enabled: set !== null, folder: set ? path.basename(set.folder) : null, keep: set?.keep ?? null },
        }),
      );
      return deps.backups.status();
    },

    /** The explicit choice to seal the accounts' API keys and certificate passphrase into backups (off by default). */
    setIncludeSecrets(actor: Actor, include: boolean): BackupStatus {
      deps.transaction(() => {
        deps.backups.setIncludeSecrets(include);
        deps.audit.append(actor, { action: 'backup.include-secrets', details: { include } });
      });
      return deps.backups.status();
    },

    /** Runs the daily schedule while this process lives (the desktop app); `onResult` hears each backup's outcome. */
    startDaily(onResult: (status: BackupStatus) => void = () => {}): void {
      const system = deps.systemActor;
      deps.backups.startSchedule((result) => {
        if (result instanceof Error) recordFailed(system, deps.backups.status().last?.file ?? '', true, result);
        else recordMade(system, result, true);
        onResult(deps.backups.status());
      });
    },
  };
}
