import { CUSTODY_LABELS } from '../../../shared/custody-state-machine';
import type { Custody } from '../../core/app/custody';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand, type CliContext } from '../cli-context';
import { idArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const voidCommand: CliCommand = {
  name: 'void',
  usage: 'void CARD --reason …',
  summary: 'Record a card as lost, damaged or withdrawn (CARD is Giftdesk’s card id, never the card number). Nothing is asked of the provider.',
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { reason: { type: 'string' } }, true);
    const cardId = idArg(positionals, 'card', 'void 1234 --reason "lost at the door"');
    if (!values.reason?.trim()) throw new ValidationError('reason', 'Say why with --reason, e.g. --reason "damaged".');
    printCustody(ctx, ctx.app.custody.voidCard(ctx.actor, cardId, values.reason));
    return EXIT.ok;
  },
};

export const unissue: CliCommand = {
  name: 'unissue',
  usage: 'unissue CARD [--reason …]',
  summary: 'Put an issued card back into its hand-out (a mistake at the table); written to the audit log.',
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { reason: { type: 'string' } }, true);
    printCustody(ctx, ctx.app.custody.unissue(ctx.actor, idArg(positionals, 'card', 'unissue 1234'), values.reason ?? null));
    return EXIT.ok;
  },
};

export const release: CliCommand = {
  name: 'release',
  usage: 'release (CARD … | --order N)',
  summary: 'Clear "printed/exported before" from cards once the earlier sheet or file is accounted for, so hand-outs may take them.',
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { order: { type: 'string' } }, true);
    if ((values.order === undefined) === (positionals.length === 0)) throw new ValidationError('card', 'Give card ids, or --order N for all of an order’s cards.');
    const ids = positionals.map((p) => Number(p));
    if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw new ValidationError('card', 'Card ids are whole numbers (see "handout show" or the Cards screen).');
    const orderId = values.order === undefined ? null : Number(values.order);
    if (orderId !== null && (!Number.isSafeInteger(orderId) || orderId <= 0)) throw new ValidationError('order', `"${values.order}" is not an order number.`);
    const cards = ctx.app.custody.release(ctx.actor, orderId !== null ? { orderId } : { cardIds: ids });
    if (ctx.json) ctx.out(JSON.stringify({ released: cards }));
    else ctx.err(`${cards} cards may go into hand-outs again.`);
    return EXIT.ok;
  },
};

function printCustody(ctx: CliContext, c: Custody): void {
  if (ctx.json) ctx.out(JSON.stringify({ card: c.cardId, state: c.state, handout: c.handoutId, reason: c.voidReason }));
  else ctx.out(`card ${c.cardId}: ${CUSTODY_LABELS[c.state]}${c.handoutId !== null ? ` (hand-out ${c.handoutId})` : ''}`);
}
