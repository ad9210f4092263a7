import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';
import { outArg, targetArg } from '../command-args';
import { asHandoutInput } from './handout';

export const sheet: CliCommand = {
  name: 'sheet',
  usage: 'sheet (ORDER | --handout H) --out FILE.pdf [--layout a4-10|avery-5371|…] [--text LINE] [--logo IMG] [--scratch] [--crop-marks] [--no-header] [--force]; sheet --alignment --layout L --out FILE.pdf',
  summary: 'Print an order’s or a hand-out’s cards to a PDF card sheet (not encrypted: for printing; written to the audit log), or a layout’s alignment test page.',
  flags: { orderId: 'order', message: 'text', logoPath: 'logo' },
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
        handout: { type: 'string' },
        text: { type: 'string' },
        alignment: { type: 'boolean' },
      },
      true,
    );
    if (values.alignment) {
      const outPath = outArg(values.out, values.force === true);
      await ctx.app.outputs.saveAlignmentPage(ctx.actor, { layout: values.layout, outPath });
      if (ctx.json) ctx.out(JSON.stringify({ file: outPath, layout: values.layout }));
      else ctx.err(`Wrote the alignment test page of ${values.layout} to ${outPath}: print it at 100 % on plain paper and hold it against the card stock.`);
      return EXIT.ok;
    }
    const target = targetArg(positionals, values.handout, 'sheet');
    const outPath = outArg(values.out, values.force === true);
    const result = await ctx.app.outputs.saveSheet(ctx.actor, {
      ...target,
      message: values.text ?? null,
      outPath,
      layout: values.layout,
      scratch: values.scratch === true,
      cropMarks: values['crop-marks'] === true,
      header: values['no-header'] !== true,
      logoPath: values.logo ?? null,
    }).catch(asHandoutInput);
    if (ctx.json) ctx.out(JSON.stringify({ file: outPath, ...result }));
    else ctx.err(`Wrote ${result.cards} cards on ${result.pages} pages to ${outPath}. The sheet is not encrypted: print it, then delete it.`);
    return EXIT.ok;
  },
};
