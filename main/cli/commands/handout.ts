import { readFileSync } from 'node:fs';
import { CUSTODY_LABELS } from '../../../shared/custody-state-machine';
import { formatMoney, parseAmountToCents } from '../../../shared/money';
import type { HandoutSummary, TakeLine } from '../../core/app/custody';
import { NotFoundError, ValidationError } from '../../core/errors';
import { EXIT, type CliCommand, type CliContext } from '../cli-context';
import { idArg, outArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

const FLAGS = { accountId: 'account', eventDate: 'date', handout: 'handout' };

export const handoutCreate: CliCommand = {
  name: 'handout create',
  usage: 'handout create --name N [--date YYYY-MM-DD] [--place P] [--note T] [--account A] (--take SKU:AMOUNT:COUNT … | --recipients FILE.csv)',
  summary: 'Take cards from stock into a hand-out: by count (those that expire first), or one per recipient of a CSV (name,contact,reference,sku,amount).',
  flags: FLAGS,
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, {
      name: { type: 'string' },
      date: { type: 'string' },
      place: { type: 'string' },
      note: { type: 'string' },
      account: { type: 'string' },
      take: { type: 'string', multiple: true },
      recipients: { type: 'string' },
    });
    const account = values.account ? await ctx.app.accounts.byName(ctx.actor, values.account) : null;
    if (values.account && !account) throw new ValidationError('account', `No account called "${values.account}" (see "account list").`);
    if (values.take && values.recipients) throw new ValidationError('take', 'Give --take lines or --recipients FILE.csv, not both.');
    const made = ctx.app.custody.createHandout(ctx.actor, {
      name: values.name ?? '',
      eventDate: values.date ?? null,
      place: values.place ?? null,
      note: values.note ?? null,
      accountId: account?.id ?? null,
      ...(values.recipients !== undefined ? { recipientsCsv: readText(values.recipients, 'recipients') } : { take: (values.take ?? []).map(takeLine) }),
    });
    printSummary(ctx, made);
    return EXIT.ok;
  },
};

export const handoutList: CliCommand = {
  name: 'handout list',
  usage: 'handout list',
  summary: 'Every hand-out with its cards reserved, issued, returned and void.',
  async run(ctx, argv) {
    parseCommandArgs(argv, {});
    for (const h of ctx.app.custody.listHandouts(ctx.actor)) printSummary(ctx, h);
    return EXIT.ok;
  },
};

export const handoutShow: CliCommand = {
  name: 'handout show',
  usage: 'handout show H',
  summary: 'A hand-out and each of its cards (Giftdesk card id, last four digits, value, state, recipient, when issued).',
  flags: FLAGS,
  async run(ctx, argv) {
    const { positionals } = parseCommandArgs(argv, {}, true);
    const detail = withHandout(() => ctx.app.custody.showHandout(ctx.actor, idArg(positionals, 'handout', 'handout show 3')));
    printSummary(ctx, detail);
    for (const c of detail.cardList) {
      const recipient = c.recipient ? { name: c.recipient.name, contact: c.recipient.contact, reference: c.recipient.reference, row: c.recipient.rowNo } : null;
      if (ctx.json) {
        ctx.out(JSON.stringify({ card: c.cardId, last4: c.last4, amount: c.amountCents / 100, currency: c.currency, sku: c.sku, state: c.state, recipient, issuedTo: c.issuedTo, issuedAt: c.issuedAt === null ? null : new Date(c.issuedAt).toISOString(), voidReason: c.voidReason }));
      } else {
        const when = c.issuedAt !== null ? ` at ${new Date(c.issuedAt).toLocaleString()}` : '';
        const who = c.issuedTo ?? c.recipient?.name ?? '';
        ctx.out(`${c.cardId}\t••${c.last4 ?? '—'}\t${formatMoney(c.amountCents, c.currency)}\t${CUSTODY_LABELS[c.state]}${when}\t${who}${c.voidReason ? `\t(${c.voidReason})` : ''}`);
      }
    }
    return EXIT.ok;
  },
};

export const handoutReturn: CliCommand = {
  name: 'handout return',
  usage: 'handout return H',
  summary: 'After the event: every card of the hand-out not handed out goes back to stock.',
  flags: FLAGS,
  async run(ctx, argv) {
    const { positionals } = parseCommandArgs(argv, {}, true);
    const back = withHandout(() => ctx.app.custody.returnRest(ctx.actor, idArg(positionals, 'handout', 'handout return 3')));
    if (!ctx.json) ctx.err(`${back.returnedNow} cards went back to stock.`);
    printSummary(ctx, back);
    return EXIT.ok;
  },
};

export const handoutRecord: CliCommand = {
  name: 'handout record',
  usage: 'handout record H --out FILE.pdf [--force]',
  summary: 'The printable record of a hand-out: last four digits, value, recipient, time, a signature column, totals.',
  flags: FLAGS,
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, force: { type: 'boolean' } }, true);
    const handoutId = idArg(positionals, 'handout', 'handout record 3 --out record.pdf');
    const outPath = outArg(values.out, values.force === true);
    const made = await ctx.app.custody.saveRecord(ctx.actor, handoutId, outPath).catch(asHandoutInput);
    if (ctx.json) ctx.out(JSON.stringify({ file: outPath, ...made }));
    else ctx.err(`Wrote the record of ${made.cards} cards on ${made.pages} pages to ${outPath}.`);
    return EXIT.ok;
  },
};

/** "WWQ651BHNWSH:25.00:40" — the SKU may itself hold a colon, so the amount and count are read from the right. */
function takeLine(text: string): TakeLine {
  const parts = text.split(':');
  const count = parts.pop();
  const amount = parts.pop();
  const sku = parts.join(':').trim();
  if (!sku || amount === undefined || count === undefined) throw new ValidationError('take', `"${text}" is not SKU:AMOUNT:COUNT, e.g. WWQ651BHNWSH:25.00:40.`);
  const cents = parseAmountToCents(amount.replace(/^\$/, ''));
  if (cents === null || cents <= 0) throw new ValidationError('take', `"${text}": "${amount}" is not an amount such as 25 or 25.50.`);
  if (!/^\d{1,6}$/.test(count) || Number(count) <= 0) throw new ValidationError('take', `"${text}": "${count}" is not a whole number of cards (1 or more).`);
  return { sku, amountCents: cents, count: Number(count) };
}

function readText(file: string, field: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ValidationError(field, `Cannot read ${file}.`);
  }
}

export function printSummary(ctx: CliContext, h: HandoutSummary): void {
  const values = h.values.map((v) => ({ currency: v.currency, reserved: v.reservedCents / 100, issued: v.issuedCents / 100 }));
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        handout: h.id,
        name: h.name,
        cards: h.cards,
        reserved: h.reserved,
        issued: h.issued,
        returned: h.returned,
        void: h.void,
        cancelled: h.cancelled,
        source: h.source,
        date: h.eventDate,
        place: h.place,
        values,
        createdAt: new Date(h.createdAt).toISOString(),
      }),
    );
  } else {
    const value = h.values.map((v) => `${formatMoney(v.reservedCents + v.issuedCents, v.currency)}`).join(' + ');
    ctx.out(`${h.id}\t${h.name}\t${h.eventDate ?? ''}\t${h.cards} cards${value ? ` (${value})` : ''}: ${h.issued} issued, ${h.reserved} reserved, ${h.returned} returned, ${h.void} void`);
  }
}

/** A hand-out id that does not exist is the person's mistake (exit 2), named by its option. */
export function asHandoutInput(err: unknown): never {
  if (err instanceof NotFoundError && /hand-out/.test(err.message)) throw new ValidationError('handout', `${err.message} (see "handout list").`);
  throw err;
}

export function withHandout<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    return asHandoutInput(err);
  }
}
