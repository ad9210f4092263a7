import { readFileSync } from 'node:fs';
import { parseAmountToCents } from '../../../shared/money';
import type { PlaceOrderLine } from '../../core/engine/engine-api';
import { ValidationError } from '../../core/errors';
import { parseOrderLinesCsv } from '../../core/orders/parse-lines-csv';
import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';
import { optionalNumber } from '../command-args';
import { followOrder, printSummary } from './follow-order';

/** The engine's field names, as the options a CLI user typed. */
const OPTION_FOR_FIELD: Record<string, string> = { quantity: 'qty', reference: 'ref', 'poll-every': 'poll-every' };

export const order: CliCommand = {
  name: 'order',
  usage: 'order --account N (--sku SKU --amount 5.00 --qty Q | --lines FILE.csv) [--ref REF] [--detach] [--poll-every S]',
  summary: 'Place an order and follow it until it settles (exit 0 complete, 1 failed or needs attention, 2 bad input).',
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
    });
    if (!values.account) throw new ValidationError('account', '--account is required.');
    const account = ctx.core.accounts.findByName(values.account);
    if (!account) throw new ValidationError('account', `No account called "${values.account}" (see "account list").`);
    const lines = values.lines ? linesFromCsv(values.lines) : [singleLine(values)];
    const input = {
      accountId: account.id,
      lines,
      reference: values.ref,
      pollEverySeconds: optionalNumber('poll-every', values['poll-every']) ?? undefined,
    };
    const place = async () => {
      try {
        return await ctx.core.engine.place(input);
      } catch (err) {
        if (err instanceof ValidationError && err.field && OPTION_FOR_FIELD[err.field]) {
          throw new ValidationError(OPTION_FOR_FIELD[err.field]!, err.message);
        }
        throw err;
      }
    };
    if (!values.detach) return followOrder(ctx, place);
    const accepted = await ctx.core.engine.accepted((await place()).id);
    printSummary(ctx, accepted);
    return accepted.state === 'failed' || accepted.state === 'needs-attention' ? EXIT.failed : EXIT.ok;
  },
};

function singleLine(values: { sku?: string; amount?: string; qty?: string }): PlaceOrderLine {
  if (!values.sku) throw new ValidationError('sku', '--sku is required (or give --lines FILE.csv).');
  if (values.amount === undefined) throw new ValidationError('amount', '--amount is required, e.g. --amount 25.00.');
  const cents = parseAmountToCents(values.amount);
  if (cents === null || cents <= 0) throw new ValidationError('amount', `"${values.amount}" is not an amount above 0 with at most two decimals.`);
  if (values.qty === undefined) throw new ValidationError('qty', '--qty is required.');
  if (!/^\d+$/.test(values.qty) || Number(values.qty) <= 0) throw new ValidationError('qty', `"${values.qty}" is not a whole number above 0.`);
  return { sku: values.sku, faceValueCents: cents, quantity: Number(values.qty) };
}

function linesFromCsv(file: string): PlaceOrderLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ValidationError('lines', `Cannot read ${file}.`);
  }
  const parsed = parseOrderLinesCsv(text);
  const first = parsed.errors[0];
  if (!first) return parsed.lines.map(({ sku, faceValueCents, quantity }) => ({ sku, faceValueCents, quantity }));
  const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
  throw new ValidationError('lines', `row ${first.row}, ${first.field}: ${first.message}${more}`);
}
