import path from 'node:path';
import type { Actor } from '../../audit/vocabulary';
import { partialPathFor } from '../../fs/leftovers';
import type { VaultStatus } from '../../vault/vault';
import type { AppDeps } from '../app-deps';

export type { BackupResult, BackupStatus } from '../../vault/backup/backups';
export { backupCommands } from './backup-commands';
export type { VaultStatus } from '../../vault/vault';
export { PASSCODE_FRESH_MS, PasscodeRequired } from './passcode-entry';

/**
 * The vault of the open store, as a person works it: its state, the passcode changed or typed again, a new recovery
 * key (with its printable kit), and backups. The store stays open throughout; each change is in the audit log.
 */
export function vaultCommands(deps: AppDeps) {
  const newKeyRecorded = (actor: Actor, file: string | null) =>
    deps.transaction(() => deps.audit.append(actor, { action: 'vault.recovery-key', details: { kit: file !== null, file: file && path.basename(file) } }));
  return {
    status: (_actor: Actor): VaultStatus => deps.vault.status(),

    /**
     * Throws PasscodeRequired unless the passcode was typed within five minutes: for a front door to ask before it opens
     * a dialog for an act that will ask anyway (the act checks again itself).
     */
    assertRecentPasscode: (_actor: Actor, what: string): void => deps.passcodeEntry.assertRecent(what),

    /** Typed again for an act that asks for it (an export, a whole order's cards, an account's key or host). */
    async confirmPasscode(_actor: Actor, passcode: string): Promise<void> {
      await deps.vault.verifyPasscode(passcode);
      deps.passcodeEntry.typed();
    },

    /** The old passcode is checked like any attempt; the new one is judged by the estimator before anything changes. */
    async changePasscode(actor: Actor, input: { oldPasscode: string; newPasscode: string }): Promise<void> {
      await deps.vault.changePasscode(input.oldPasscode, input.newPasscode);
      deps.passcodeEntry.typed();
      deps.transaction(() => deps.audit.append(actor, { action: 'vault.passcode-change', details: {} }));
    },

    /**
     * A new recovery key and its printable kit, written to `file`; the old key stops opening the store. It opens
     * everything, so it asks for a recently typed passcode. Returns the key, to be shown this once.
     */
    async newRecoveryKit(actor: Actor, file: string): Promise<{ recoveryKey: string }> {
      deps.passcodeEntry.assertRecent('make a new recovery key');
      const partialPath = partialPathFor(path.resolve(file));
      const forget = deps.leftovers.track(partialPath, 'file');
      try {
        const made = await deps.vault.makeRecoveryKit(path.resolve(file), { partialPath });
        newKeyRecorded(actor, file);
        return made;
      } finally {
        forget();
      }
    },

    /** A new recovery key without a kit (shown once by the caller). */
    async newRecoveryKey(actor: Actor): Promise<{ recoveryKey: string }> {
      deps.passcodeEntry.assertRecent('make a new recovery key');
      const recoveryKey = await deps.vault.newRecoveryKey();
      newKeyRecorded(actor, null);
      return { recoveryKey };
    },

  };
}
