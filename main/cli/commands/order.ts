import { readFileSync } from 'node:fs';
import { parseAmountToCents } from '../../../shared/money';
import type { OrderLineInput } from '../../core/app/orders';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand, type CliContext } from '../cli-context';
import { accountArg, optionalNumber } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { followOrders, printSummary } from './follow-order';

export const order: CliCommand = {
  name: 'order',
  usage: 'order --account N (--sku SKU --amount 5.00 --qty Q | --lines FILE.csv) [--ref REF] [--name TEXT] [--memo TEXT] [--detach] [--poll-every S]',
  summary: 'Place an order and follow it until it settles (exit 0 complete, 1 failed or needs attention, 2 bad input).',
  flags: { accountId: 'account', faceValueCents: 'amount', quantity: 'qty', reference: 'ref', pollEverySeconds: 'poll-every' },
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, {
      account: { type: 'string' },
      sku: { type: 'string' },
      amount: { type: 'string' },
      qty: { type: 'string' },
      lines: { type: 'string' },
      ref: { type: 'string' },
      detach: { type: 'boolean' },
      'poll-every': { type: 'string' },
      name: { type: 'string' },
      memo: { type: 'string' },
    });
    const account = await accountArg(ctx, values.account);
    const lines = values.lines ? await linesFromCsv(ctx, account.id, values.lines) : [singleLine(values)];
    const input = {
      accountId: account.id,
      lines,
      reference: values.ref,
      name: values.name,
      memo: values.memo,
      pollEverySeconds: optionalNumber('poll-every', values['poll-every']) ?? undefined,
    };
    const place = () => ctx.app.orders.place(ctx.actor, input);
    if (!values.detach) return followOrders(ctx, async () => [await place()]);
    const accepted = await ctx.app.orders.accepted(ctx.actor, (await place()).id);
    printSummary(ctx, ctx.app.orders.get(ctx.actor, accepted.id));
    return accepted.state === 'failed' || accepted.state === 'needs-attention' ? EXIT.failed : EXIT.ok;
  },
};

function singleLine(values: { sku?: string; amount?: string; qty?: string }): OrderLineInput {
  if (!values.sku) throw new ValidationError('sku', '--sku is required (or give --lines FILE.csv).');
  if (values.amount === undefined) throw new ValidationError('amount', '--amount is required, e.g. --amount 25.00.');
  const cents = parseAmountToCents(values.amount);
  if (cents === null || cents <= 0) throw new ValidationError('amount', `"${values.amount}" is not an amount above 0 with at most two decimals.`);
  if (values.qty === undefined) throw new ValidationError('qty', '--qty is required.');
  // Digits only; anything else (-1, 2.5, 1e3) is no count of cards, and the application layer says what a quantity must be.
  return { sku: values.sku, faceValueCents: cents, quantity: /^\d+$/.test(values.qty) ? Number(values.qty) : Number.NaN };
}

/** The file's lines, checked row by row as the desktop app checks them; the first bad row is the message. */
async function linesFromCsv(ctx: CliContext, accountId: string, file: string): Promise<OrderLineInput[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ValidationError('lines', `Cannot read ${file}.`);
  }
  const checked = await ctx.app.orders.checkLinesCsv(ctx.actor, accountId, text);
  const first = checked.errors[0];
  if (!first) return checked.lines.map(({ sku, faceValueCents, quantity }) => ({ sku, faceValueCents, quantity }));
  const more = checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : '';
  throw new ValidationError('lines', `row ${first.row}, ${first.field}: ${first.message}${more}`);
}
