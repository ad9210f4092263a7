import path from 'node:path';
import type { BackupView, VaultStatusView } from '../../../../shared/ipc/vault-views';
import type { BackupResult } from '../../../core/app/vault';
import type { IpcContext } from '../ipc-context';
import type { HandlerGroup } from './handler-types';
import { outputsOf } from './outputs-of';

/** A backup as the Security screen shows it: its file's name, never its path. */
export function backupView(r: BackupResult): BackupView {
  return {
    at: r.at,
    fileName: path.basename(r.file),
    ok: r.ok,
    error: r.error ?? null,
    orders: r.counts?.orders ?? null,
    cards: r.counts?.cards ?? null,
    bytes: r.bytes ?? null,
    withSecrets: r.withSecrets ?? false,
  };
}

export function vaultStatusView({ app, actor }: IpcContext): VaultStatusView {
  const vault = app.vault.status(actor);
  const backups = app.backups.status(actor);
  return {
    passcodeSetAt: vault.passcodeSetAt,
    recoveryKeyMadeAt: vault.recoveryKeyMadeAt,
    restoredAt: vault.restoredFrom?.restoredAt ?? null,
    backups: {
      schedule: backups.schedule,
      last: backups.last && backupView(backups.last),
      lastSuccess: backups.lastSuccess && backupView(backups.lastSuccess),
      overdue: backups.overdue,
      includeSecrets: backups.includeSecrets,
    },
  };
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

export const vaultHandlers: HandlerGroup<'vault'> = {
  'vault.status': async (_, context) => vaultStatusView(context),
  'vault.confirmPasscode': async ({ passcode }, { app, actor }) => {
    await app.vault.confirmPasscode(actor, passcode);
    return { confirmed: true };
  },
  'vault.changePasscode': async (input, { app, actor }) => {
    await app.vault.changePasscode(actor, input);
    return { changed: true };
  },
  'vault.newRecoveryKit': async (_, context) => {
    const { app, actor } = context;
    // Asked before the dialog, so the person does not pick a file only to be asked for the passcode after.
    app.vault.assertRecentPasscode(actor, 'make a new recovery key');
    const file = await outputsOf(context).chooseSavePath({ title: 'Save the new recovery kit', suggestedName: `Giftdesk recovery kit ${day(Date.now())}.pdf`, extension: 'pdf' });
    if (!file) return { done: false, recoveryKey: null };
    return { done: true, recoveryKey: (await app.vault.newRecoveryKit(actor, file)).recoveryKey };
  },
  'vault.backupNow': async (_, context) => {
    const { app, actor } = context;
    const file = await outputsOf(context).chooseSavePath({ title: 'Save a backup', suggestedName: `giftdesk-${day(Date.now())}.gdbackup`, extension: 'gdbackup' });
    if (!file) return { done: false, backup: null };
    return { done: true, backup: backupView(await app.backups.backupNow(actor, { outFile: file })) };
  },
  'vault.chooseBackupFolder': async (_, context) => {
    const { app, actor } = context;
    const folder = await outputsOf(context).chooseFolder({ title: 'Folder for daily backups' });
    if (folder) app.backups.setSchedule(actor, { folder, keep: app.backups.status(actor).schedule?.keep });
    return vaultStatusView(context);
  },
  'vault.setBackupKeep': async ({ keep }, context) => {
    const { app, actor } = context;
    const schedule = app.backups.status(actor).schedule;
    app.backups.setSchedule(actor, keep === null || !schedule ? null : { folder: schedule.folder, keep });
    return vaultStatusView(context);
  },
  'vault.setIncludeSecrets': async ({ include }, context) => {
    context.app.backups.setIncludeSecrets(context.actor, include);
    return vaultStatusView(context);
  },
};
