import type { CliCommand } from '../cli-context';
import { optionalNumber } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { followSweeps } from './balance';
import { followOrders } from './follow-order';

export const resume: CliCommand = {
  name: 'resume',
  usage: 'resume [--poll-every SECONDS]',
  summary: 'Carry every unfinished order to a settled state and every balance sweep to its end, with the progress lines of order and balance.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { 'poll-every': { type: 'string' } });
    const pollEverySeconds = optionalNumber('poll-every', values['poll-every']) ?? undefined;
    const sweeps = ctx.app.balances.resumeAll(ctx.actor);
    const [orders, balances] = await Promise.all([
      followOrders(ctx, async () => {
        const resumed = ctx.app.orders.resumeAll(ctx.actor, { pollEverySeconds });
        if (resumed.length === 0) ctx.err(sweeps.length === 0 ? 'No unfinished orders.' : 'No unfinished orders; carrying on the balance sweeps.');
        return resumed;
      }),
      followSweeps(ctx, sweeps.map((s) => s.sweepId)),
    ]);
    return Math.max(orders, balances);
  },
};
