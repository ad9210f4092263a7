import { formatCents, formatMoney } from '../../../../shared/money';
import type { Actor } from '../../audit/vocabulary';
import { parseRecipientsCsv, type RecipientRow, type RecipientsCsv } from '../../custody/parse-recipients-csv';
import { ValidationError } from '../../errors';
import type { AppDeps } from '../app-deps';
import { summarizeHandouts, type HandoutSummary } from './handout-views';

/** "40 × A$25 Woolworths": a product and face value, and how many cards of it. */
export interface TakeLine {
  sku: string;
  amountCents: number;
  count: number;
}

export interface CreateHandoutInput {
  name: string;
  /** The event's day, YYYY-MM-DD. */
  eventDate?: string | null;
  place?: string | null;
  note?: string | null;
  /** Take the cards from this account only; needed when two accounts hold the same product and value. */
  accountId?: string | null;
  /** By count… */
  take?: TakeLine[];
  /** …or one card per recipient of this list (CSV with the header name,contact,reference,sku,amount). */
  recipientsCsv?: string;
}

const MAX_CARDS = 100_000;

/** A recipient list checked row by row, before anything is taken from stock. */
export function checkRecipientsCsv(text: string): RecipientsCsv {
  return parseRecipientsCsv(text);
}

/**
 * Makes a hand-out and takes its cards from stock in one transaction with its audit entry: by count, the cards that
 * expire first; or one card per recipient. Asking for more than stock holds says how many there are; a bad recipient
 * row is named by its row number; either way nothing is reserved. A card already in a hand-out is never taken.
 */
export function createHandout(deps: AppDeps, actor: Actor, input: CreateHandoutInput): HandoutSummary {
  const details = checkDetails(input);
  if (input.accountId && !deps.accounts.find(input.accountId)) throw new ValidationError('accountId', 'No such account.');
  const demand = demandOf(input);
  const handout = deps.transaction(() => {
    const picked = demand.groups.map((g) => ({ ...g, ...pick(deps, g, input.accountId ?? null) }));
    const short = picked.filter((g) => g.cardIds.length < g.count);
    if (short.length > 0) throw new ValidationError(demand.field, shortageSentence(deps, short, demand.field));
    const now = deps.clock.now();
    const made = deps.handouts.create({ ...details, source: demand.recipients ? 'recipients' : 'count' }, now);
    const auditId = deps.audit.append(actor, {
      action: 'handout.create',
      details: {
        handoutId: made.id,
        name: made.name,
        source: made.source,
        cards: picked.reduce((n, g) => n + g.count, 0),
        lines: picked.map((g) => ({ accountId: g.accountId, sku: g.sku, amountCents: g.amountCents, count: g.count })),
      },
    });
    const items = picked.flatMap((g) =>
      g.cardIds.map((cardId, i) => {
        const row = g.rows?.[i];
        const recipientId = row ? deps.handouts.addRecipient(made.id, { rowNo: row.row, name: row.name, contact: row.contact, reference: row.reference }) : null;
        return { cardId, recipientId };
      }),
    );
    deps.custody.reserveMany(items, made.id, auditId, now);
    return made;
  });
  return summarizeHandouts(deps, [handout])[0]!;
}

interface Group extends TakeLine {
  /** The recipients this group's cards go to, in file order. */
  rows?: RecipientRow[];
}

function demandOf(input: CreateHandoutInput): { groups: Group[]; field: 'take' | 'recipients'; recipients: boolean } {
  const byCount = input.take !== undefined && input.take.length > 0;
  const byList = input.recipientsCsv !== undefined;
  if (byCount === byList) throw new ValidationError('take', 'Say which cards to take: by count (take) or from a recipient list (recipients), one of the two.');
  if (byList) {
    const { rows, errors } = parseRecipientsCsv(input.recipientsCsv!);
    const first = errors[0];
    if (first) {
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new ValidationError('recipients', `row ${first.row}, ${first.field}: ${first.message}${more} Nothing was reserved.`);
    }
    if (rows.length > MAX_CARDS) throw new ValidationError('recipients', `A hand-out takes at most ${MAX_CARDS.toLocaleString('en')} cards.`);
    const groups = new Map<string, Group>();
    for (const r of rows) {
      const key = `${r.sku}\u0000${r.amountCents}`;
      const g = groups.get(key) ?? { sku: r.sku, amountCents: r.amountCents, count: 0, rows: [] };
      g.count += 1;
      g.rows!.push(r);
      groups.set(key, g);
    }
    return { groups: [...groups.values()], field: 'recipients', recipients: true };
  }
  const groups = new Map<string, Group>();
  for (const line of input.take!) {
    if (!line.sku.trim()) throw new ValidationError('take', 'A line has no SKU.');
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents <= 0) throw new ValidationError('take', `${line.sku}: the amount must be above 0.`);
    if (!Number.isSafeInteger(line.count) || line.count <= 0) throw new ValidationError('take', `${line.sku}: the count must be a whole number above 0.`);
    const key = `${line.sku}\u0000${line.amountCents}`;
    const g = groups.get(key) ?? { sku: line.sku.trim(), amountCents: line.amountCents, count: 0 };
    g.count += line.count;
    groups.set(key, g);
  }
  if ([...groups.values()].reduce((n, g) => n + g.count, 0) > MAX_CARDS) throw new ValidationError('take', `A hand-out takes at most ${MAX_CARDS.toLocaleString('en')} cards.`);
  return { groups: [...groups.values()], field: 'take', recipients: false };
}

/** The account to take a group from, and the cards it would give (fewer than asked when stock is short). */
function pick(deps: AppDeps, g: Group, accountId: string | null): { accountId: string; cardIds: number[] } {
  const holders = deps.custody.holders(g.sku, g.amountCents).filter((h) => accountId === null || h.accountId === accountId);
  if (holders.length > 1) {
    const names = holders.map((h) => `${deps.accounts.find(h.accountId)?.name ?? h.accountId} (${h.cards})`).join(', ');
    throw new ValidationError('accountId', `${g.sku} at ${formatCents(g.amountCents)} is in stock in more than one account: ${names}. Choose the account to take it from.`);
  }
  const holder = holders[0];
  if (!holder) return { accountId: accountId ?? '', cardIds: [] };
  return { accountId: holder.accountId, cardIds: deps.custody.takeable(holder.accountId, g.sku, g.amountCents, g.count) };
}

function shortageSentence(deps: AppDeps, short: (Group & { accountId: string; cardIds: number[] })[], field: 'take' | 'recipients'): string {
  const parts = short.map((g) => {
    const currency = deps.accounts.find(g.accountId)?.currency;
    const value = currency ? formatMoney(g.amountCents, currency) : formatCents(g.amountCents);
    const held = deps.custody
      .stock([])
      .filter((s) => s.sku === g.sku && s.amountCents === g.amountCents && s.state === 'in-stock' && (!g.accountId || s.accountId === g.accountId))
      .reduce((n, s) => n + s.heldBack, 0);
    const heldWords = held > 0 ? ` (and ${held} more printed or exported before, held back until someone releases them)` : '';
    const asked = field === 'recipients' ? `${g.count} recipients` : `${g.count} asked`;
    return `${g.sku} at ${value}: ${asked}, ${g.cardIds.length} in stock${heldWords}`;
  });
  return `Not enough cards in stock — ${parts.join('; ')}. Nothing was reserved.`;
}

function checkDetails(input: CreateHandoutInput) {
  const name = input.name?.trim() ?? '';
  if (!name) throw new ValidationError('name', 'Give the hand-out a name, such as the event’s.');
  if (name.length > 100) throw new ValidationError('name', 'The name is longer than 100 characters.');
  const eventDate = input.eventDate?.trim() || null;
  if (eventDate !== null && !isDate(eventDate)) throw new ValidationError('eventDate', `"${eventDate}" is not a date written as YYYY-MM-DD.`);
  const text = (field: 'place' | 'note', max: number) => {
    const v = input[field]?.trim() || null;
    if (v !== null && v.length > max) throw new ValidationError(field, `The ${field} is longer than ${max} characters.`);
    return v;
  };
  return { name, eventDate, place: text('place', 200), note: text('note', 1000) };
}

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
