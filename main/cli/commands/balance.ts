import type { SweepScope } from '../../../shared/balance-sweep-state-machine';
import { readingWords } from '../../../shared/balance-reading';
import { formatMoney } from '../../../shared/money';
import type { SweepProgress } from '../../core/app/balances';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand, type CliContext } from '../cli-context';
import { idArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

export const balance: CliCommand = {
  name: 'balance',
  usage: 'balance (CARD | --handout H | --order N | --issued) [--detach]  |  balance --cancel SWEEP',
  summary: 'Ask the provider for card balances at the account\'s rate and follow the sweep to its end (CARD is Giftdesk\'s card id; exit 0 once every card has an answer or a plain "not available").',
  flags: { card: 'CARD', handout: 'handout', order: 'order', issued: 'issued', cancel: 'cancel' },
  async run(ctx, argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { handout: { type: 'string' }, order: { type: 'string' }, issued: { type: 'boolean' }, detach: { type: 'boolean' }, cancel: { type: 'string' } },
      true,
    );
    if (values.cancel !== undefined) return cancel(ctx, values, positionals);
    const scope = scopeArg(positionals, values);
    const started = ctx.app.balances.start(ctx.actor, scope, { detach: values.detach === true });
    say(ctx, started, `balance sweep ${started.sweepId}: ${started.cards} ${started.cards === 1 ? 'card' : 'cards'}`);
    if (values.detach) {
      say(ctx, started, `balance sweep ${started.sweepId} recorded: the process driving this data folder carries it on, or the next "resume" or start of the app.`);
      return EXIT.ok;
    }
    return followSweeps(ctx, [started.sweepId]);
  },
};

/**
 * Cancels a sweep (a `--detach`ed one, or one another process follows): the process driving it stops at its next look
 * at the store; the answers recorded so far are kept.
 */
async function cancel(ctx: CliContext, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length > 0 || ['handout', 'order', 'issued', 'detach'].some((k) => values[k] !== undefined)) {
    throw new ValidationError('cancel', 'Give --cancel SWEEP on its own (the sweep id that "balance" printed when it started).');
  }
  const sweepId = idArg([String(values.cancel)], 'sweep', 'balance --cancel 4');
  const p = await ctx.app.balances.cancel(ctx.actor, sweepId);
  if (ctx.json) ctx.out(JSON.stringify({ event: 'sweep', ...progressFields(p) }));
  else ctx.out(summaryLine(p));
  return EXIT.ok;
}

/** Follows sweeps to their end with progress lines (stderr; JSON lines on stdout with --json), then each card's reading. */
export async function followSweeps(ctx: CliContext, sweepIds: readonly number[]): Promise<number> {
  const last = new Map<number, string>();
  const outcomes = await Promise.all(
    sweepIds.map((id) =>
      ctx.app.balances.follow(ctx.actor, id, (p) => {
        const line = ctx.json ? JSON.stringify({ event: 'progress', ...progressFields(p) }) : progressLine(p);
        if (last.get(id) === line) return;
        last.set(id, line);
        (ctx.json ? ctx.out : ctx.err)(line);
      }),
    ),
  );
  let code: number = EXIT.ok;
  for (const p of outcomes) {
    printCards(ctx, p);
    if (ctx.json) ctx.out(JSON.stringify({ event: 'sweep', ...progressFields(p) }));
    else ctx.out(summaryLine(p));
    // Every card answered, or said plainly "not available": done. A card the provider refused, or a cancel, is not.
    if (p.state !== 'done' || p.failed > 0) code = EXIT.failed;
  }
  return code;
}

function scopeArg(positionals: string[], v: { handout?: string; order?: string; issued?: boolean }): SweepScope {
  const given = [positionals.length > 0, v.handout !== undefined, v.order !== undefined, v.issued === true].filter(Boolean).length;
  if (given !== 1) throw new ValidationError('card', 'Give one of: CARD (Giftdesk\'s card id), --handout H, --order N or --issued.');
  if (v.handout !== undefined) return { kind: 'handout', handoutId: idArg([v.handout], 'handout', 'balance --handout 3') };
  if (v.order !== undefined) return { kind: 'order', orderId: idArg([v.order], 'order', 'balance --order 12') };
  if (v.issued) return { kind: 'issued' };
  // A card number typed by mistake is refused without being echoed: it is a secret.
  if (!/^\d{1,9}$/.test(positionals[0] ?? '') || positionals.length > 1) {
    throw new ValidationError('card', 'CARD is Giftdesk\'s card id as "cards" lists it (a small number), never the card number.');
  }
  return { kind: 'card', cardId: idArg(positionals, 'card', 'balance 17') };
}

function say(ctx: CliContext, p: SweepProgress, line: string): void {
  if (ctx.json) ctx.out(JSON.stringify({ event: 'started', ...progressFields(p) }));
  else ctx.err(line);
}

function progressFields(p: SweepProgress) {
  return {
    sweep: p.sweepId,
    state: p.state,
    cards: p.cards,
    answered: p.answered,
    notAvailable: p.notAvailable,
    failed: p.failed,
    resent: p.resent,
    etaSeconds: Math.ceil(p.etaMs / 1000),
    driver: p.driver,
    lastError: p.lastError,
  };
}

function progressLine(p: SweepProgress): string {
  const eta = p.state === 'running' || p.state === 'queued' ? `, about ${duration(p.etaMs)} left` : '';
  const by = p.driver ? ` (driven by ${p.driver})` : p.state === 'queued' ? ' (waiting for the process that drives this data folder)' : '';
  const error = p.lastError ? ` (last error: ${p.lastError})` : '';
  return `balance sweep ${p.sweepId}: ${p.state}, ${p.answered}/${p.cards} answered${p.notAvailable ? `, ${p.notAvailable} not available` : ''}${eta}${by}${error}`;
}

function summaryLine(p: SweepProgress): string {
  const refused = p.failed ? `, ${p.failed} refused by the provider` : '';
  const rest = p.state === 'cancelled' ? ` — cancelled, ${p.cards - p.answered} not asked` : '';
  return `balance sweep ${p.sweepId}: ${p.state}, ${p.answered} of ${p.cards} cards answered${p.notAvailable ? ` (${p.notAvailable} balance not available)` : ''}${refused}${rest}`;
}

/** One line per card: Giftdesk's id, the last four digits, the reading. Never the number or the PIN. */
function printCards(ctx: CliContext, p: SweepProgress): void {
  const cardIds = p.scope.kind === 'card' ? [p.scope.cardId] : null;
  for (const c of ctx.app.balances.cardsOfSweep(ctx.actor, p.sweepId, cardIds)) {
    const money = (cents: number) => formatMoney(cents, c.currency);
    if (ctx.json) ctx.out(JSON.stringify({ event: 'card', sweep: p.sweepId, card: c.cardId, last4: c.last4, reading: c.reading, amountCents: c.amountCents, currency: c.currency, expiry: c.expiryDate }));
    else ctx.out(`card ${c.cardId} (…${c.last4 ?? '????'}, ${money(c.amountCents)}): ${readingWords(c.reading, money)}`);
  }
}

function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.ceil(s / 60);
  return m < 120 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
