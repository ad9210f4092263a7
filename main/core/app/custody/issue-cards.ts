import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { AppDeps } from '../app-deps';
import { accountFacts } from './handout-views';

/** One card handed out: found by the value a scanner types (the printed barcode's), or by the number's last digits. */
export interface IssueRequest {
  scan?: string;
  lastDigits?: string;
  /** The person it goes to; for a recipient list, the card's recipient when not given. */
  to?: string | null;
}

type CardFacts = { cardId: number; last4: string | null };

/** What happened, for the person at the table to read at a glance. */
export type IssueOutcome =
  | (CardFacts & { outcome: 'issued'; amountCents: number; currency: string; to: string | null; at: number; recipient: string | null })
  | (CardFacts & { outcome: 'already-issued'; at: number; to: string | null })
  | (CardFacts & { outcome: 'not-in-handout'; otherHandout: { id: number; name: string } | null })
  | (CardFacts & { outcome: 'not-issuable'; state: string })
  | { outcome: 'unknown' }
  | { outcome: 'ambiguous'; matches: number };

const MAX_NAME = 200;

/** Thrown inside the transaction to undo every issue of a run in which one was refused. */
class Refused extends Error {}

/**
 * Issues cards of a hand-out: each found, checked against the hand-out and the custody table, marked issued with its
 * audit entry. All or nothing: when any one is refused (already issued, of another hand-out, unknown), none of the run
 * is issued, and the outcomes say which and why. The desktop app issues one card a scan; the CLI a whole stdin.
 */
export function issueCards(deps: AppDeps, actor: Actor, handoutId: number, requests: readonly IssueRequest[]): { issued: boolean; outcomes: IssueOutcome[] } {
  const handout = deps.handouts.get(handoutId);
  for (const r of requests) checkRequest(r);
  const facts = accountFacts(deps);
  const outcomes: IssueOutcome[] = [];
  try {
    deps.transaction(() => {
      for (const r of requests) {
        const outcome = issueOne(deps, actor, handout.id, r, facts);
        outcomes.push(outcome);
        if (outcome.outcome !== 'issued') throw new Refused();
      }
    });
    return { issued: true, outcomes };
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    // What was issued before the refusal was undone with it: say so instead of "issued".
    return { issued: false, outcomes };
  }
}

function issueOne(deps: AppDeps, actor: Actor, handoutId: number, r: IssueRequest, facts: ReturnType<typeof accountFacts>): IssueOutcome {
  const found = r.scan !== undefined ? deps.custody.byScanValue(r.scan) : narrow(deps, deps.custody.byLastDigits(r.lastDigits!, handoutId), handoutId);
  if (found.length === 0) return { outcome: 'unknown' };
  if (found.length > 1) return { outcome: 'ambiguous', matches: found.length };
  const cardId = found[0]!;
  const card = deps.cards.get(cardId)!;
  const custody = deps.custody.get(cardId);
  const base = { cardId, last4: card.number ? card.number.slice(-4) : null };
  if (custody.handoutId !== handoutId) {
    const other = custody.handoutId !== null && (custody.state === 'reserved' || custody.state === 'issued') ? deps.handouts.find(custody.handoutId) : null;
    return { ...base, outcome: 'not-in-handout', otherHandout: other ? { id: other.id, name: other.name } : null };
  }
  if (custody.state === 'issued') return { ...base, outcome: 'already-issued', at: custody.issuedAt!, to: custody.issuedTo };
  if (custody.state !== 'reserved') return { ...base, outcome: 'not-issuable', state: custody.state };
  const recipient = custody.recipientId !== null ? (deps.handouts.recipients(handoutId).find((x) => x.id === custody.recipientId) ?? null) : null;
  const to = r.to?.trim() || recipient?.name || null;
  const now = deps.clock.now();
  const auditId = deps.audit.append(actor, { action: 'card.issue', details: { cardId, last4: base.last4, handoutId, to, by: r.scan !== undefined ? 'scan' : 'last-digits' } });
  deps.custody.move(cardId, 'issue', { issuedTo: to, issuedAt: now, auditId, note: to }, now);
  const { currency } = facts(custody.accountId);
  return { ...base, outcome: 'issued', amountCents: custody.amountCents, currency, to, at: now, recipient: recipient?.name ?? null };
}

/** Typed digits that match cards of several hand-outs mean the one of this hand-out, when there is exactly one. */
function narrow(deps: AppDeps, ids: number[], handoutId: number): number[] {
  if (ids.length <= 1) return ids;
  const mine = ids.filter((id) => deps.custody.get(id).handoutId === handoutId);
  return mine.length > 0 ? mine : ids;
}

function checkRequest(r: IssueRequest): void {
  if ((r.scan === undefined) === (r.lastDigits === undefined)) throw new ValidationError('scan', 'Scan the card, or type the last digits of its number.');
  if (r.scan !== undefined && (r.scan.length === 0 || r.scan.length > 200 || !/^[\x20-\x7e]+$/.test(r.scan))) {
    throw new ValidationError('scan', 'That is not a value a card’s barcode holds.');
  }
  if (r.lastDigits !== undefined && !/^\d{2,19}$/.test(r.lastDigits)) throw new ValidationError('lastDigits', 'Type at least the last 2 digits of the card number (digits only).');
  if (r.to && r.to.trim().length > MAX_NAME) throw new ValidationError('to', `The name is longer than ${MAX_NAME} characters.`);
}
