// Entries written before the one vocabulary stay as they were (the log is append-only); they are translated into it
// when read. Older front doors wrote the same act under different names (card.reveal / cards.reveal, cards.print for
// every sheet) and named the actor by its door alone ("user" for the desktop app).
import { ORDER_STATES, type OrderState } from '../../../shared/order-state-machine';
import type { ActorVia, AuditAction, AuditEntry } from './vocabulary';

export interface LegacyRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

const VIA_OF_ACTOR: Record<string, ActorVia> = { user: 'desktop', cli: 'cli', engine: 'engine' };

export function translateLegacy(row: LegacyRow): AuditEntry {
  const via = VIA_OF_ACTOR[row.actor];
  // Older tools and tests named a person instead of a door; that name is the best "who" there is.
  const base = { id: row.id, at: row.at, subject: row.subject, actor: { via: via ?? 'system', user: via ? null : row.actor }, recorded: row.action };
  const d = row.details;
  const subjectId = Number(row.subject.split(':')[1]);
  const orderId = typeof d.orderId === 'number' ? d.orderId : row.subject.startsWith('order:') ? subjectId : undefined;
  const accountId = row.subject.startsWith('account:') ? row.subject.slice('account:'.length) : undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const sheet = { orderId, reference: text(d.reference), layout: text(d.layout), scratch: typeof d.scratch === 'boolean' ? d.scratch : undefined, cards: num(d.cards), pages: num(d.pages) };

  switch (row.action) {
    case 'card.reveal':
      return { ...base, action: 'cards.reveal', details: { orderId, cards: 1, cardId: subjectId, last4: text(d.last4) ?? null } };
    case 'cards.reveal':
      return { ...base, action: 'cards.reveal', details: { orderId, reference: text(d.reference) ?? null, cards: num(d.cards), cardId: null, last4: null } };
    case 'cards.print':
      // Written for every sheet the CLI saved and every one the desktop app saved, printed or previewed.
      return row.actor === 'cli' ? { ...base, action: 'sheet.save', details: sheet } : { ...base, action: 'sheet.print', details: sheet };
    case 'cards.preview':
      return { ...base, action: 'sheet.preview', details: sheet };
    case 'cards.export':
      return {
        ...base,
        action: 'cards.export',
        details: {
          orderId,
          reference: text(d.reference),
          format: text(d.format),
          cards: num(d.cards),
          pages: num(d.pages) ?? null,
          protection: d.protection === 'age-recipients' ? 'age-recipients' : 'passphrase',
          recipients: Array.isArray(d.recipients) ? d.recipients.filter((r): r is string => typeof r === 'string') : [],
          withSheet: d.withSheet === true,
          file: text(d.file),
        },
      };
    case 'order.place':
      return {
        ...base,
        action: 'order.place',
        details: { orderId, reference: text(d.reference), account: text(d.account), quantity: num(d.quantity), totalCents: num(d.totalCents), currency: text(d.currency) },
      };
    case 'order.cancel-requested':
      return { ...base, action: 'order.reverse', details: { orderId, reference: text(d.reference) } };
    case 'order.cancel':
      return { ...base, action: 'order.transition', details: { orderId, reference: text(d.reference), from: stateOf(d.from), to: 'cancelled', event: 'reversed' } };
    case 'lock.idle-time':
      return { ...base, action: 'settings.lock-idle-minutes', details: { minutes: num(d.minutes) } };
    case 'account.add':
      return { ...base, action: 'account.add', details: { accountId, name: text(d.name), provider: text(d.provider), apiKeyStored: d.apiKeyStored === true } };
    case 'account.edit':
      return {
        ...base,
        action: 'account.edit',
        details: {
          accountId,
          fields: Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [],
          apiKeyReplaced: d.apiKeyReplaced === true,
          certificateReplaced: d.certificateReplaced === true,
        },
      };
    case 'account.remove':
      return { ...base, action: 'account.remove', details: { accountId, name: text(d.name) } };
  }
  // The engine wrote each state change as order.<new state>, with the state it came from.
  const to = stateOf(/^order\.(.+)$/.exec(row.action)?.[1]);
  if (to) {
    return { ...base, action: 'order.transition', details: { orderId, reference: text(d.reference), from: stateOf(d.from), to, event: null, reason: text(d.reason) ?? null } };
  }
  return { ...base, action: 'unknown', details: d };
}

function stateOf(v: unknown): OrderState | undefined {
  return typeof v === 'string' && (ORDER_STATES as readonly string[]).includes(v) ? (v as OrderState) : undefined;
}

/**
 * The names older entries of each action were written under (translateLegacy above reads them), so a filter by action
 * finds those too; `order.transition` also takes every older `order.<state>`. The translated entry is checked again.
 */
export const LEGACY_NAMES: Partial<Record<AuditAction, { names: string[]; orderStates?: true }>> = {
  'cards.reveal': { names: ['card.reveal', 'cards.reveal'] },
  'sheet.print': { names: ['cards.print'] },
  'sheet.save': { names: ['cards.print'] },
  'sheet.preview': { names: ['cards.preview'] },
  'cards.export': { names: ['cards.export'] },
  'order.place': { names: ['order.place'] },
  'order.reverse': { names: ['order.cancel-requested'] },
  'order.transition': { names: ['order.cancel'], orderStates: true },
  'settings.lock-idle-minutes': { names: ['lock.idle-time'] },
  'account.add': { names: ['account.add'] },
  'account.edit': { names: ['account.edit'] },
  'account.remove': { names: ['account.remove'] },
};
