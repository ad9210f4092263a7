import type { CardLabels } from '../../../shared/domain';
import { formatExpiry } from '../../../shared/expiry';
import type { MaskedCard } from '../../core/app/cards';
import { formatCents } from '../../../shared/money';
import { EXIT, type CliCommand } from '../cli-context';
import { orderArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

interface Shown {
  number: string | null;
  pin: string | null;
  activationCode: string | null;
  labels: CardLabels | null;
  barcode: string | null;
  url: string | null;
  amountCents: number;
  expiry: string | null;
}

/** Why a quarantined card is kept apart. */
interface Why {
  kind: string;
  reason: string;
}

const HIDDEN_URL = '(hidden; --reveal to show)';

export const cards: CliCommand = {
  name: 'cards',
  usage: 'cards ORDER [--reveal] [--quarantined]',
  summary:
    'List an order’s cards, masked unless --reveal (which is written to the audit log); --quarantined lists instead the cards the provider sent that are not the order’s, with why.',
  flags: { orderId: 'order' },
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { reveal: { type: 'boolean' }, quarantined: { type: 'boolean' } }, true);
    const id = orderArg(positionals, 'cards');
    const print = (shown: Shown, why: Why | null = null) => {
      const line = {
        number: shown.number,
        pin: shown.pin,
        activationCode: shown.activationCode,
        barcode: shown.barcode,
        url: shown.url,
        amount: formatCents(shown.amountCents),
        expiry: shown.expiry,
        labels: shown.labels,
      };
      if (ctx.json) ctx.out(JSON.stringify(why ? { ...line, kind: why.kind, reason: why.reason } : line));
      // JSON keeps the provider's value for programs; people get the date as the printed sheet shows it.
      else ctx.out(`${line.number ?? ''}\t${line.pin ?? ''}\t${line.amount}\t${formatExpiry(line.expiry) ?? ''}${why ? `\t${why.kind}\t${why.reason}` : ''}`);
    };
    const reveal = values.reveal === true;
    if (values.quarantined === true) {
      if (reveal) for (const c of ctx.app.cards.revealQuarantined(ctx.actor, id)) print(c, c);
      else for (const c of ctx.app.cards.quarantinedOf(ctx.actor, id)) print(masked(c), c);
    } else if (reveal) {
      for (const c of ctx.app.cards.revealOrder(ctx.actor, id)) print(c);
    } else {
      for (const c of ctx.app.cards.ofOrder(ctx.actor, id)) print(masked(c));
    }
    return EXIT.ok;
  },
};

function masked(c: MaskedCard): Shown {
  return {
    number: c.maskedNumber,
    pin: c.maskedPin,
    activationCode: c.maskedActivationCode,
    labels: c.labels,
    barcode: c.maskedBarcode,
    url: c.hasUrl ? HIDDEN_URL : null,
    amountCents: c.amountCents,
    expiry: c.expiry,
  };
}
