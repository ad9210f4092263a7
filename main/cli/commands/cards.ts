import { formatExpiry } from '../../../shared/expiry';
import { formatCents } from '../../../shared/money';
import { maskCardNumber, maskPin } from '../../../shared/mask';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand } from '../cli-context';
import { orderArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const cards: CliCommand = {
  name: 'cards',
  usage: 'cards ORDER [--reveal]',
  summary: 'List an order’s cards, masked unless --reveal (which is written to the audit log).',
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { reveal: { type: 'boolean' } }, true);
    const id = orderArg(positionals, 'cards');
    const order = ctx.core.orders.find(id);
    if (!order) throw new ValidationError('order', `No order ${positionals[0]}.`);
    const reveal = values.reveal === true;
    if (reveal) {
      // Written before anything is shown: a reveal that is not in the log must not happen.
      ctx.core.audit.append({ actor: 'cli', action: 'cards.reveal', subject: `order:${id}`, details: { cards: ctx.core.cards.count(id), reference: order.clientReference } });
    }
    for (const c of ctx.core.cards.iterate(id)) {
      const shown = {
        number: reveal ? c.number : maskCardNumber(c.number),
        pin: reveal ? c.pin : maskPin(c.pin),
        barcode: reveal ? c.barcode : maskCardNumber(c.barcode),
        url: reveal ? c.url : c.url ? '(hidden; --reveal to show)' : null,
        amount: formatCents(c.amountCents),
        expiry: c.expiry,
      };
      if (ctx.json) ctx.out(JSON.stringify(shown));
      // JSON keeps the provider's value for programs; people get the date as the printed sheet shows it.
      else ctx.out(`${shown.number ?? ''}\t${shown.pin ?? ''}\t${shown.amount}\t${formatExpiry(shown.expiry) ?? ''}`);
    }
    return EXIT.ok;
  },
};
