import { existsSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../core/errors';
import { restoreStore, RestoreTargetInUse } from '../../core/app/vault/restore-store';
import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';

export const restore: CliCommand = {
  name: 'restore',
  preCore: true,
  usage: 'restore FILE [--data-dir DIR] [--replace]',
  summary: 'Make the store again from a backup, on any computer. stdin: the recovery key, then a new passcode. --replace renames a folder in the way aside.',
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { replace: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new ValidationError('file', 'Give one backup file, e.g. "restore giftdesk-2026-01-05.gdbackup".');
    const file = path.resolve(positionals[0]!);
    if (!existsSync(file)) throw new ValidationError('file', `There is no file ${positionals[0]}.`);
    const restored = await restoreStore(ctx.actor, { ...ctx.coreOptions, file, dataDir: ctx.dataDir, replace: values.replace === true }).catch((err: unknown) => {
      // The core says "ask to replace it"; here that is a flag.
      if (err instanceof RestoreTargetInUse) throw new ValidationError('data-dir', `${err.message} To replace it, add --replace.`);
      throw err;
    });
    if (ctx.json) ctx.out(JSON.stringify({ dataDir: restored.dataDir, storeId: restored.storeId, ...restored.counts, replacedFolder: restored.replacedFolder, secretsRestored: restored.secretsRestored }));
    else {
      const { orders, cards } = restored.counts;
      ctx.err(`Restored ${orders} orders and ${cards} cards into ${restored.dataDir}; it opens with the new passcode.`);
      if (restored.replacedFolder) ctx.err(`The folder that was there is now ${restored.replacedFolder} (nothing in it was deleted).`);
      if (restored.secretsRestored === 0) ctx.err('The backup held no API keys: enter them again (account edit) before ordering.');
    }
    return EXIT.ok;
  },
};
