import { formatMoney } from '../../../shared/money';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand } from '../cli-context';
import { outArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

const range = { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } } as const;

export const reportSpend: CliCommand = {
  name: 'report spend',
  usage: 'report spend --from YYYY-MM-DD --to YYYY-MM-DD [--by account|product|month]… --out FILE.csv|FILE.xlsx [--force]',
  summary: 'Spend (face value the providers accepted, less what was reversed), by the acceptance day in this machine’s time zone, grouped by account, product and/or month (default: account and month).',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { ...range, by: { type: 'string', multiple: true } });
    const outPath = outArg(values.out, values.force === true);
    const saved = await ctx.app.reports.saveSpend(ctx.actor, { from: required(values.from, 'from'), to: required(values.to, 'to'), by: values.by ?? [] }, outPath);
    const totals = new Map<string, number>();
    for (const r of saved.spend) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.spendCents);
    const total = [...totals].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ') || 'nothing';
    if (ctx.json) ctx.out(JSON.stringify({ file: outPath, rows: saved.rows, by: saved.by, spend: Object.fromEntries([...totals].map(([c, cents]) => [c, cents / 100])) }));
    else ctx.err(`Wrote ${saved.rows} rows of spend by ${saved.by.join(' and ')} to ${outPath}: ${total} in all.`);
    return EXIT.ok;
  },
};

export const reportOrders: CliCommand = {
  name: 'report orders',
  usage: 'report orders [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.csv|FILE.xlsx [--force]',
  summary: 'The order history for accounting, one row per order line (no card number or PIN), of the orders placed in the days given.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, range);
    const outPath = outArg(values.out, values.force === true);
    const saved = await ctx.app.reports.saveOrderHistory(ctx.actor, { from: values.from ?? null, to: values.to ?? null }, outPath);
    if (ctx.json) ctx.out(JSON.stringify({ file: outPath, rows: saved.rows }));
    else ctx.err(`Wrote ${saved.rows} order lines to ${outPath}.`);
    return EXIT.ok;
  },
};

function required(value: string | undefined, field: 'from' | 'to'): string {
  if (value === undefined) throw new ValidationError(field, `--${field} is required (YYYY-MM-DD, e.g. 2026-03-31).`);
  return value;
}
