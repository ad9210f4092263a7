import { formatMoney } from '../../../shared/money';
import { EXIT, type CliCommand } from '../cli-context';
import { accountArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

/** What is wrong with an order's cards, when something is: its quarantine, and its cards sent to other orders too. */
function flags(o: { quarantinedCards: number; cardsAlsoSentTo: { orderId: number; cards: number }[] }): string {
  const parts: string[] = [];
  if (o.quarantinedCards > 0) parts.push(`${o.quarantinedCards} quarantined (cards ORDER --quarantined)`);
  for (const c of o.cardsAlsoSentTo) parts.push(`${c.cards} of its cards also sent to order ${c.orderId}`);
  return parts.length > 0 ? `\t${parts.join('; ')}` : '';
}

export const orders: CliCommand = {
  name: 'orders',
  usage: 'orders [--account N]',
  summary: 'List orders with their state and card counts.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { account: { type: 'string' } });
    const account = values.account === undefined ? null : await accountArg(ctx, values.account);
    const list = ctx.app.orders.list(ctx.actor, account ? { accountId: account.id } : {});
    // Said on stderr, so that stdout stays empty (no line, no JSON) for a program reading it.
    if (list.length === 0) ctx.err(account ? `No orders yet for ${account.name}.` : 'No orders yet in this data folder.');
    for (const o of list) {
      const cards = o.progress.cardsStored;
      if (ctx.json) {
        ctx.out(
          JSON.stringify({
            order: o.id,
            reference: o.clientReference,
            name: o.name,
            memo: o.memo,
            account: o.accountName,
            state: o.state,
            quantity: o.quantity,
            cards,
            totalCents: o.totalCents,
            currency: o.currency,
            createdAt: new Date(o.createdAt).toISOString(),
            reason: o.stateReason,
            quarantined: o.quarantinedCards,
            cardsAlsoSentTo: o.cardsAlsoSentTo,
          }),
        );
      } else {
        ctx.out(`${o.id}\t${o.clientReference}${o.name ? ` '${o.name}'` : ''}\t${o.accountName}\t${o.state}\t${cards}/${o.quantity}\t${formatMoney(o.totalCents, o.currency)}${flags(o)}`);
      }
    }
    return EXIT.ok;
  },
};
