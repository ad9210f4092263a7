import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';
import { optionalNumber } from '../command-args';
import { exitCodeFor, printSummary } from './follow-order';

export const resume: CliCommand = {
  name: 'resume',
  usage: 'resume [--poll-every SECONDS]',
  summary: 'Carry every unfinished order to a settled state.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { 'poll-every': { type: 'string' } });
    const pollEverySeconds = optionalNumber('poll-every', values['poll-every']) ?? undefined;
    const resumed = ctx.app.orders.resumeAll(ctx.actor, { pollEverySeconds });
    if (resumed.length === 0) ctx.err('No unfinished orders.');
    let code: number = EXIT.ok;
    for (const settled of await Promise.all(resumed.map((o) => ctx.app.orders.settled(ctx.actor, o.id)))) {
      printSummary(ctx, ctx.app.orders.get(ctx.actor, settled.id));
      code = Math.max(code, exitCodeFor(settled));
    }
    return code;
  },
};
