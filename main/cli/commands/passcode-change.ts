import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';

export const passcodeChange: CliCommand = {
  name: 'passcode change',
  usage: 'passcode change',
  summary: 'Change the passcode. stdin: the old passcode (which opens the store), then the new one.',
  flags: { newPasscode: 'passcode', oldPasscode: 'passcode' },
  async run(ctx, argv) {
    parseCommandArgs(argv, {});
    // The store was just opened with the old passcode; one opened another way (its recovery key) takes it next.
    const oldPasscode = ctx.passcodeGiven() ?? (await ctx.secretLine('Old passcode: '));
    const newPasscode = await ctx.secretLine('New passcode: ');
    if (oldPasscode === null || newPasscode === null) throw new ValidationError('passcode', 'Give the old passcode, then the new one, on standard input.');
    await ctx.app.vault.changePasscode(ctx.actor, { oldPasscode, newPasscode });
    if (ctx.json) ctx.out(JSON.stringify({ changed: true }));
    else ctx.err('Passcode changed. The recovery key is unchanged and still opens the store.');
    return EXIT.ok;
  },
};
