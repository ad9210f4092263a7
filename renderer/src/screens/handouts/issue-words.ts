import type { IssueOutcomeView } from '../../../../shared/ipc/custody-views';
import { formatMoney, formatTime } from '../../lib/format';

/** What the person at the table reads at a glance: a headline, a line of detail, and a tone. */
export function issueWords(o: IssueOutcomeView): { headline: string; detail: string; tone: 'ok' | 'warn' | 'bad' } {
  switch (o.outcome) {
    case 'issued':
      return { headline: 'Issued', detail: `Card ••${o.last4 ?? '—'} · ${formatMoney(o.amountCents, o.currency)}${o.to ? ` · to ${o.to}` : ''}`, tone: 'ok' };
    case 'already-issued':
      return { headline: `Already issued at ${formatTime(o.at)}${o.to ? ` to ${o.to}` : ''}`, detail: `Card ••${o.last4 ?? '—'} was handed out before: do not hand it out again.`, tone: 'warn' };
    case 'not-in-handout':
      return {
        headline: 'Not in this hand-out',
        detail: `Card ••${o.last4 ?? '—'} ${o.otherHandout ? `belongs to “${o.otherHandout.name}”` : 'is not part of any hand-out now'}. Do not hand it out here.`,
        tone: 'bad',
      };
    case 'not-issuable':
      return { headline: 'Cannot be issued', detail: `Card ••${o.last4 ?? '—'} is ${o.state}.`, tone: 'bad' };
    case 'ambiguous':
      return { headline: 'Type more digits', detail: `${o.matches} cards end in those digits. Type more of the number, or scan the card.`, tone: 'warn' };
    case 'unknown':
      return { headline: 'Unknown card', detail: 'No card in Giftdesk has that barcode or number.', tone: 'bad' };
  }
}
