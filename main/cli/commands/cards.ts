import { formatExpiry } from '../../../shared/expiry';
import { formatCents } from '../../../shared/money';
import { EXIT, type CliCommand } from '../cli-context';
import { orderArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const cards: CliCommand = {
  name: 'cards',
  usage: 'cards ORDER [--reveal]',
  summary: 'List an order’s cards, masked unless --reveal (which is written to the audit log).',
  flags: { orderId: 'order' },
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { reveal: { type: 'boolean' } }, true);
    const id = orderArg(positionals, 'cards');
    const print = (shown: { number: string | null; pin: string | null; barcode: string | null; url: string | null; amountCents: number; expiry: string | null }) => {
      const line = { number: shown.number, pin: shown.pin, barcode: shown.barcode, url: shown.url, amount: formatCents(shown.amountCents), expiry: shown.expiry };
      if (ctx.json) ctx.out(JSON.stringify(line));
      // JSON keeps the provider's value for programs; people get the date as the printed sheet shows it.
      else ctx.out(`${line.number ?? ''}\t${line.pin ?? ''}\t${line.amount}\t${formatExpiry(line.expiry) ?? ''}`);
    };
    if (values.reveal === true) {
      for (const c of ctx.app.cards.revealOrder(ctx.actor, id)) print(c);
    } else {
      for (const c of ctx.app.cards.ofOrder(ctx.actor, id)) {
        print({ number: c.maskedNumber, pin: c.maskedPin, barcode: c.maskedBarcode, url: c.hasUrl ? '(hidden; --reveal to show)' : null, amountCents: c.amountCents, expiry: c.expiry });
      }
    }
    return EXIT.ok;
  },
};
