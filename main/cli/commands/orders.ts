import { formatMoney } from '../../../shared/money';
import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';

export const orders: CliCommand = {
  name: 'orders',
  usage: 'orders [--account N]',
  summary: 'List orders with their state and card counts.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { account: { type: 'string' } });
    const accounts = new Map(ctx.core.accounts.list().map((a) => [a.id, a]));
    const filterId = values.account ? [...accounts.values()].find((a) => a.name === values.account)?.id : undefined;
    for (const o of ctx.core.orders.list(filterId ? { accountId: filterId } : {})) {
      const cards = ctx.core.cards.count(o.id);
      const account = accounts.get(o.accountId)?.name ?? o.accountId;
      if (ctx.json) {
        ctx.out(
          JSON.stringify({
            order: o.id,
            reference: o.clientReference,
            account,
            state: o.state,
            quantity: o.quantity,
            cards,
            totalCents: o.totalCents,
            currency: o.currency,
            createdAt: new Date(o.createdAt).toISOString(),
            reason: o.stateReason,
          }),
        );
      } else {
        ctx.out(`${o.id}\t${o.clientReference}\t${account}\t${o.state}\t${cards}/${o.quantity}\t${formatMoney(o.totalCents, o.currency)}`);
      }
    }
    return EXIT.ok;
  },
};
