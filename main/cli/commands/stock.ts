import { CUSTODY_LABELS, CUSTODY_STATES } from '../../../shared/custody-state-machine';
import { formatMoney } from '../../../shared/money';
import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';

export const stock: CliCommand = {
  name: 'stock',
  usage: 'stock',
  summary: 'Cards by account, product and face value in each custody state, and what in stock expires within 30/60/90 days.',
  async run(ctx, argv) {
    parseCommandArgs(argv, {});
    const { lines } = ctx.app.custody.stock(ctx.actor);
    for (const l of lines) {
      if (ctx.json) {
        ctx.out(
          JSON.stringify({
            account: l.accountName,
            sku: l.sku,
            product: l.productName,
            amount: l.amountCents / 100,
            currency: l.currency,
            ...Object.fromEntries(CUSTODY_STATES.map((s) => [s, l.counts[s]])),
            stored: l.stored,
            heldBack: l.heldBack,
            expiring30: l.expiring[30],
            expiring60: l.expiring[60],
            expiring90: l.expiring[90],
          }),
        );
      } else {
        const counts = CUSTODY_STATES.map((s) => `${CUSTODY_LABELS[s]} ${l.counts[s]}`).join(', ');
        const held = l.heldBack > 0 ? `; ${l.heldBack} of those in stock printed/exported before (held back)` : '';
        const soon = `; expiring in stock: ${l.expiring[30]} in 30 days, ${l.expiring[60]} in 60, ${l.expiring[90]} in 90`;
        ctx.out(`${l.accountName}\t${l.sku}\t${l.productName ?? ''}\t${formatMoney(l.amountCents, l.currency)}\t${counts}${held}${soon}`);
      }
    }
    if (lines.length === 0) ctx.err('No cards stored yet.');
    return EXIT.ok;
  },
};
