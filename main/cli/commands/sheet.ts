import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';
import { orderArg, outArg } from '../command-args';

export const sheet: CliCommand = {
  name: 'sheet',
  usage: 'sheet ORDER --out FILE.pdf [--layout a4-10] [--scratch] [--crop-marks] [--logo IMG] [--no-header] [--force]',
  summary: 'Print an order’s cards to a PDF card sheet (not encrypted: for printing; written to the audit log).',
  flags: { orderId: 'order' },
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        layout: { type: 'string', default: 'a4-10' },
        scratch: { type: 'boolean' },
        'crop-marks': { type: 'boolean' },
        logo: { type: 'string' },
        'no-header': { type: 'boolean' },
        force: { type: 'boolean' },
      },
      true,
    );
    const orderId = orderArg(positionals, 'sheet');
    const outPath = outArg(values.out, values.force === true);
    const result = await ctx.app.outputs.saveSheet(ctx.actor, {
      orderId,
      outPath,
      layout: values.layout,
      scratch: values.scratch === true,
      cropMarks: values['crop-marks'] === true,
      header: values['no-header'] !== true,
      logoPath: values.logo ?? null,
    });
    if (ctx.json) ctx.out(JSON.stringify({ file: outPath, ...result }));
    else ctx.err(`Wrote ${result.cards} cards on ${result.pages} pages to ${outPath}. The sheet is not encrypted: print it, then delete it.`);
    return EXIT.ok;
  },
};
