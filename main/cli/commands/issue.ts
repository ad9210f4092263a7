import type { IssueOutcome, IssueRequest } from '../../core/app/custody';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand, type CliContext } from '../cli-context';
import { idArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { withHandout } from './handout';

export const issue: CliCommand = {
  name: 'issue',
  usage: 'issue H (--scan | --last DIGITS) [--to NAME]',
  summary: 'Mark cards of hand-out H issued: --scan reads the scanned values from stdin, one per line (all or none are issued).',
  flags: { lastDigits: 'last', handout: 'handout' },
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { scan: { type: 'boolean' }, last: { type: 'string' }, to: { type: 'string' } }, true);
    const handoutId = idArg(positionals, 'handout', 'issue 3 --scan');
    if ((values.scan === true) === (values.last !== undefined)) throw new ValidationError('scan', 'Give --scan (values on stdin, one per line) or --last DIGITS.');
    const to = values.to ?? null;
    const requests: IssueRequest[] = values.scan ? scannedLines(await ctx.readStdin()).map((scan) => ({ scan, to })) : [{ lastDigits: values.last!, to }];
    if (requests.length === 0) throw new ValidationError('scan', 'Nothing was scanned: give the scanned values on stdin, one per line.');
    const { issued, outcomes } = withHandout(() => ctx.app.custody.issue(ctx.actor, handoutId, requests));
    if (!issued) {
      const index = outcomes.findIndex((o) => o.outcome !== 'issued');
      const where = values.scan ? `line ${index + 1}: ` : '';
      const rest = requests.length > 1 ? ' None of the cards was issued.' : ' Nothing was changed.';
      throw new ValidationError(values.scan ? 'scan' : 'lastDigits', `${where}${refusal(outcomes[index]!)}${rest}`);
    }
    for (const o of outcomes) print(ctx, o);
    return EXIT.ok;
  },
};

/** Scanners end each value with Enter; blank lines are no scan. */
function scannedLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function refusal(o: IssueOutcome): string {
  switch (o.outcome) {
    case 'issued':
      return `card ••${o.last4} issued`;
    case 'already-issued':
      return `card ••${o.last4} was already issued at ${new Date(o.at).toLocaleString()}${o.to ? ` to ${o.to}` : ''}.`;
    case 'not-in-handout':
      return `card ••${o.last4} is not in this hand-out${o.otherHandout ? ` (it is in hand-out ${o.otherHandout.id}, "${o.otherHandout.name}")` : ''}.`;
    case 'not-issuable':
      return `card ••${o.last4} is ${o.state} and cannot be issued.`;
    case 'ambiguous':
      return `${o.matches} cards match those digits; type more of them, or scan the card.`;
    case 'unknown':
      return 'no card of Giftdesk has that value.';
  }
}

function print(ctx: CliContext, o: IssueOutcome): void {
  if (o.outcome !== 'issued') return;
  if (ctx.json) ctx.out(JSON.stringify({ card: o.cardId, outcome: o.outcome, last4: o.last4, amount: o.amountCents / 100, currency: o.currency, to: o.to, at: new Date(o.at).toISOString() }));
  else ctx.out(`issued card ${o.cardId} (••${o.last4})${o.to ? ` to ${o.to}` : ''}`);
}
