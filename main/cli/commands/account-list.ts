import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';
import { printAccount } from './print-account';

export const accountList: CliCommand = {
  name: 'account list',
  usage: 'account list',
  summary: 'List the accounts (keys are never shown).',
  async run(ctx, argv) {
    parseCommandArgs(argv, {});
    for (const account of await ctx.app.accounts.list(ctx.actor)) printAccount(ctx, account);
    return EXIT.ok;
  },
};
