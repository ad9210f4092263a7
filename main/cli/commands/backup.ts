import { EXIT, type CliCommand } from '../cli-context';
import { outArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const backup: CliCommand = {
  name: 'backup',
  usage: 'backup --out FILE [--include-secrets] [--force]',
  summary: 'Back the store up into one encrypted file, verified after writing (the recovery key opens it). API keys only with --include-secrets.',
  flags: { outFile: 'out' },
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { out: { type: 'string' }, 'include-secrets': { type: 'boolean' }, force: { type: 'boolean' } });
    const outFile = outArg(values.out, values.force === true);
    const result = await ctx.app.backups.backupNow(ctx.actor, { outFile, includeSecrets: values['include-secrets'] === true });
    const counts = result.counts ?? { orders: 0, cards: 0, events: 0 };
    if (ctx.json) ctx.out(JSON.stringify({ file: result.file, at: result.at, bytes: result.bytes, withSecrets: result.withSecrets, ...counts }));
    else {
      ctx.err(`Backed up and verified: ${counts.orders} orders, ${counts.cards} cards, ${counts.events} audit entries in ${result.file}.`);
      ctx.err(result.withSecrets ? 'API keys and certificate passphrases are sealed inside.' : 'API keys are not in it: after a restore, enter them again (or back up with --include-secrets).');
    }
    return EXIT.ok;
  },
};
