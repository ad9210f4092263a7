import type { CliCommand } from '../cli-context';
import { optionalNumber } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { followOrders } from './follow-order';

export const resume: CliCommand = {
  name: 'resume',
  usage: 'resume [--poll-every SECONDS]',
  summary: 'Carry every unfinished order to a settled state, with the same progress lines as order.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { 'poll-every': { type: 'string' } });
    const pollEverySeconds = optionalNumber('poll-every', values['poll-every']) ?? undefined;
    return followOrders(ctx, async () => {
      const resumed = ctx.app.orders.resumeAll(ctx.actor, { pollEverySeconds });
      if (resumed.length === 0) ctx.err('No unfinished orders.');
      return resumed;
    });
  },
};
