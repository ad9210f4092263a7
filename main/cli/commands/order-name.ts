import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand } from '../cli-context';
import { orderArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const orderName: CliCommand = {
  name: 'order name',
  usage: 'order name ORDER [--name TEXT] [--memo TEXT]   (an empty value clears it: --memo "")',
  summary: 'Gives an order a name of your own and a memo, shown wherever the order is named; written to the audit log.',
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { name: { type: 'string' }, memo: { type: 'string' } }, true);
    const orderId = orderArg(positionals, 'order name');
    if (values.name === undefined && values.memo === undefined) throw new ValidationError('name', 'Give --name TEXT, --memo TEXT or both (an empty value clears it).');
    const o = ctx.app.orders.name(ctx.actor, orderId, { name: values.name, memo: values.memo });
    if (ctx.json) ctx.out(JSON.stringify({ order: o.id, reference: o.clientReference, name: o.name, memo: o.memo }));
    else ctx.err(`Order ${o.id} is ${o.name ? `named '${o.name}'` : 'without a name'}${o.memo ? `; memo: ${o.memo}` : ''}.`);
    return EXIT.ok;
  },
};
