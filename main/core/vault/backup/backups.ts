import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../clock';
import { ValidationError } from '../../errors';
import type { AccountSecrets } from '../../secrets/account-secrets';
import type { SettingsRepo } from '../../store/repos/settings';
import { PRIVATE_DIR } from '../../store/private-files';
import type { WorkerEntry } from '../../workers/worker-entry';
import { readVaultedIdentity } from '../vault-file';
import type { BackupCounts, BackupSecrets } from './backup-file';
import { scheduledBackupName, scheduledBackups } from './backup-names';
import { runBackup } from './run-backup';

const SCHEDULE_SETTING = 'backup.schedule';
const LAST_SETTING = 'backup.last';
const LAST_SUCCESS_SETTING = 'backup.lastSuccess';
/** When the schedule last made a verified backup in its folder: a backup saved elsewhere by hand does not count. */
const LAST_SCHEDULED_SETTING = 'backup.lastScheduledAt';
/** Whether backups carry the accounts' secrets: off unless a person turned it on. */
const INCLUDE_SECRETS_SETTING = 'backup.includeSecrets';
export const DEFAULT_KEEP = 14;
const DAY_MS = 24 * 60 * 60_000;
/** How often the schedule looks whether a backup is due (and retries one that failed). */
const CHECK_EVERY_MS = 60 * 60_000;
/** A store with no backup for this long is flagged (the app shows a banner). */
export const OVERDUE_AFTER_MS = 7 * DAY_MS;

export interface BackupSchedule {
  folder: string;
  keep: number;
}

export interface BackupResult {
  at: number;
  file: string;
  ok: boolean;
  /** What went wrong, in words; set when ok is false. */
  error?: string;
  counts?: BackupCounts;
  bytes?: number;
  withSecrets?: boolean;
}

export interface BackupStatus {
  schedule: BackupSchedule | null;
  last: BackupResult | null;
  lastSuccess: BackupResult | null;
  /** No verified backup for 7 days (or ever, for a store older than that). */
  overdue: boolean;
  /** Backups carry the API keys and certificate passphrase (sealed inside): a person's explicit choice, off by default. */
  includeSecrets: boolean;
}

export function createBackups(options: {
  dataDir: string;
  storeId: string;
  connection: { file: string; key: string };
  clock: Clock;
  settings: SettingsRepo;
  accounts: { list(): { id: string }[] };
  secrets: AccountSecrets;
  appVersion: string;
  worker: WorkerEntry;
}) {
  const { dataDir, storeId, clock, settings } = options;

  async function collectSecrets(): Promise<BackupSecrets> {
    const out: BackupSecrets = {};
    for (const { id } of options.accounts.list()) {
      const apiKey = await options.secrets.apiKey(id);
      const certificatePassphrase = await options.secrets.certificatePassphrase(id);
      if (apiKey !== null || certificatePassphrase !== null) {
        out[id] = { ...(apiKey !== null ? { apiKey } : {}), ...(certificatePassphrase !== null ? { certificatePassphrase } : {}) };
      }
    }
    return out;
  }

  /**
   * Backs the store up into `outFile` and verifies it there; resolves only with a verified backup (the file is
   * removed otherwise). The result, good or bad, becomes the "last backup" the app shows.
   */
  async function backup(outFile: string, choice: { includeSecrets?: boolean } = {}): Promise<BackupResult> {
    const file = path.resolve(outFile);
    const at = clock.now();
    try {
      const identity = readVaultedIdentity(dataDir);
      const made = await runBackup(options.worker, {
        databaseFile: options.connection.file,
        key: options.connection.key,
        outFile: file,
        storeId,
        storeCreatedAt: identity.createdAt,
        appVersion: options.appVersion,
        createdAt: at,
        recovery: identity.vault.recovery,
        ...(choice.includeSecrets ? { secrets: await collectSecrets() } : {}),
      });
      const result: BackupResult = { at, file, ok: true, counts: made.counts, bytes: made.bytes, withSecrets: Boolean(choice.includeSecrets) };
      settings.set(LAST_SETTING, result);
      settings.set(LAST_SUCCESS_SETTING, result);
      return result;
    } catch (err) {
      settings.set(LAST_SETTING, { at, file, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies BackupResult);
      throw err;
    }
  }

  const includeSecrets = () => settings.get<boolean>(INCLUDE_SECRETS_SETTING) === true;

  function status(): BackupStatus {
    const lastSuccess = settings.get<BackupResult>(LAST_SUCCESS_SETTING);
    const since = lastSuccess?.at ?? readVaultedIdentity(dataDir).createdAt;
    return {
      schedule: settings.get<BackupSchedule>(SCHEDULE_SETTING),
      last: settings.get<BackupResult>(LAST_SETTING),
      lastSuccess,
      overdue: clock.now() - since >= OVERDUE_AFTER_MS,
      includeSecrets: includeSecrets(),
    };
  }

  /** The scheduled backup, if one is due: into the folder, then all but the newest `keep` of this store's are removed. */
  async function runDue(): Promise<BackupResult | null> {
    const schedule = settings.get<BackupSchedule>(SCHEDULE_SETTING);
    if (!schedule) return null;
    const lastScheduledAt = settings.get<number>(LAST_SCHEDULED_SETTING);
    const now = clock.now();
    if (lastScheduledAt !== null && now - lastScheduledAt < DAY_MS) return null;
    // Made private when missing; a folder the person chose is left as it is (each backup in it is 0600).
    mkdirSync(schedule.folder, { recursive: true, mode: PRIVATE_DIR });
    const result = await backup(path.join(schedule.folder, scheduledBackupName(storeId, now)), { includeSecrets: includeSecrets() });
    settings.set(LAST_SCHEDULED_SETTING, result.at);
    for (const old of scheduledBackups(schedule.folder, storeId).slice(0, -schedule.keep)) rmSync(old, { force: true });
    return result;
  }

  let stopSchedule: (() => Promise<void>) | null = null;

  return {
    backup,
    status,
    runDue,

    /** Whether backups (daily, and by hand unless told otherwise) carry the accounts' secrets. */
    setIncludeSecrets(include: boolean): void {
      settings.set(INCLUDE_SECRETS_SETTING, include);
    },

    /** Where daily backups go and how many are kept (null turns them off). */
    setSchedule(schedule: { folder: string; keep?: number } | null): BackupSchedule | null {
      if (!schedule) {
        settings.set(SCHEDULE_SETTING, null);
        return null;
      }
      const keep = schedule.keep ?? DEFAULT_KEEP;
      if (!Number.isInteger(keep) || keep < 1 || keep > 365) throw new ValidationError('keep', `Keep between 1 and 365 backups, not ${keep}.`);
      if (!path.isAbsolute(schedule.folder)) throw new ValidationError('folder', 'Choose the backup folder by its full path.');
      const value = { folder: path.resolve(schedule.folder), keep };
      settings.set(SCHEDULE_SETTING, value);
      return value;
    },

    /**
     * Runs daily backups while the process lives (the desktop app starts it; a CLI command does not). Driven by the
     * injected clock: it looks every hour, or sooner when the next backup is due sooner.
     */
    startSchedule(onResult: (result: BackupResult | Error) => void = () => {}): void {
      if (stopSchedule) return;
      const stop = new AbortController();
      const loop = (async () => {
        while (!stop.signal.aborted) {
          await runDue().then(
            (r) => r && onResult(r),
            (err: Error) => onResult(err),
          );
          await clock.sleep(CHECK_EVERY_MS, stop.signal).catch(() => undefined);
        }
      })();
      stopSchedule = async () => {
        stop.abort();
        await loop;
      };
    },

    async stopSchedule(): Promise<void> {
      await stopSchedule?.();
      stopSchedule = null;
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
