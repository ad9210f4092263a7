import path from 'node:path';
import { EXPORT_FORMATS } from '../../../shared/card-outputs';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand, type CliContext } from '../cli-context';
import { outArg, targetArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { asHandoutInput } from './handout';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export (ORDER | --handout H) --format xlsx|zip|age|pdf --out FILE [--recipient AGE1…] [--with-sheet] [--layout a4-10] [--bom] [--force]',
  summary: 'Export an order’s or a hand-out’s cards encrypted (xlsx for spreadsheets; the CSV in zip/age is for programs; a recipient list adds its columns); passphrase from stdin, or generated and shown once (audited).',
  flags: { orderId: 'order' },
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        format: { type: 'string' },
        out: { type: 'string' },
        recipient: { type: 'string', multiple: true },
        'with-sheet': { type: 'boolean' },
        layout: { type: 'string', default: 'a4-10' },
        scratch: { type: 'boolean' },
        bom: { type: 'boolean' },
        force: { type: 'boolean' },
        handout: { type: 'string' },
      },
      true,
    );
    const target = targetArg(positionals, values.handout, 'export');
    const format = values.format as (typeof EXPORT_FORMATS)[number] | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new ValidationError('format', `Give --format ${EXPORT_FORMATS.join('|')}.`);
    const outPath = outArg(values.out, values.force === true);
    const recipients = values.recipient ?? [];
    // With recipients an age file needs no passphrase, so stdin is not read (nor a passphrase made up).
    const typed = recipients.length > 0 ? null : await passphraseFromStdin(ctx);
    const { generatedPassphrase, ...result } = await ctx.app.outputs.exportCards(ctx.actor, {
      ...target,
      format,
      outPath,
      passphrase: typed,
      recipients,
      includeSheet: values['with-sheet'] === true,
      sheet: { layout: values.layout, scratch: values.scratch === true },
      bom: values.bom === true,
    }).catch(asHandoutInput);
    if (ctx.json) ctx.out(JSON.stringify({ file: outPath, ...result }));
    else ctx.err(`Wrote ${result.cards} cards to ${outPath} (${format}).`);
    // Shown once, on stderr, after the file is written, so it is never shown for a file that does not exist.
    if (generatedPassphrase) {
      ctx.err(`Passphrase for ${path.basename(outPath)} (shown once; Giftdesk does not keep it):`);
      ctx.err(`  ${generatedPassphrase}`);
    }
    return EXIT.ok;
  },
};

/** The passphrase is the first line of stdin; null when there is none (Giftdesk then makes one). */
async function passphraseFromStdin(ctx: CliContext): Promise<string | null> {
  return (await ctx.readStdin()).split(/\r?\n/)[0] || null;
}
