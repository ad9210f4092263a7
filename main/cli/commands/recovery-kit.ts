import { EXIT, type CliCommand } from '../cli-context';
import { outArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const recoveryKit: CliCommand = {
  name: 'recovery-kit',
  usage: 'recovery-kit --out FILE.pdf [--force]',
  summary: 'Make a new recovery key and write its printable kit; the old recovery key stops opening the store.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { out: { type: 'string' }, force: { type: 'boolean' } });
    const file = outArg(values.out, values.force === true);
    await ctx.app.vault.newRecoveryKit(ctx.actor, file);
    if (ctx.json) ctx.out(JSON.stringify({ file }));
    else {
      ctx.err(`New recovery key made; its kit is ${file}. The old recovery key no longer opens the store (backups made before keep opening with it).`);
      ctx.err('Print the kit, keep the page offline, and delete the file.');
    }
    return EXIT.ok;
  },
};
