import path from 'node:path';
import { createAuditLog } from '../../store/repos/audit';
import type { Actor } from '../../audit/vocabulary';
import { systemClock, type Clock } from '../../clock';
import type { Keychain } from '../../secrets/keychain';
import { restoreBackup, type RestoreResult } from '../../vault/backup/restore-backup';
import type { KdfCost } from '../../vault/passcode-kdf';
import type { UnlockPrompt } from '../../vault/unlock-prompt';
import { vaultAccess } from '../../vault/vault-access';

export type { RestoreResult } from '../../vault/backup/restore-backup';
export { RestoreTargetInUse } from '../../vault/backup/errors';

/**
 * Restore, the one act that comes before a core: there is no open store yet (a new computer, an empty keychain). The
 * recovery key and then a new passcode are asked through the prompt, like opening a store. The entry that records
 * the restore is written into the restored store itself, once it checks out and before it is moved into place.
 */
export async function restoreStore(
  actor: Actor,
  options: { file: string; dataDir: string; replace?: boolean; keychain: Keychain; unlock: UnlockPrompt; passcodeKdf?: KdfCost; clock?: Clock },
): Promise<RestoreResult> {
  const clock = options.clock ?? systemClock;
  return restoreBackup({
    file: options.file,
    dataDir: options.dataDir,
    replace: options.replace,
    access: vaultAccess(options, clock),
    record: (db, facts) =>
      db.transaction(() =>
        createAuditLog(db, () => clock.now()).append(actor, {
          action: 'vault.restore',
          details: {
            backupCreatedAt: facts.backupCreatedAt,
            file: path.basename(options.file),
            ...facts.counts,
            secretsRestored: facts.secretsRestored,
            replacedFolder: facts.replacing,
          },
        }),
      )(),
  });
}
