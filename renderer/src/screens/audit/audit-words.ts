import type { AuditEventView } from '../../../../shared/ipc/views';
import { formatMoney } from '../../../../shared/money';

// The audit log's vocabulary (main/core/audit/vocabulary.ts) in words. Entries written before it arrive translated.

const ACTIONS: Record<string, string> = {
  'account.add': 'Added an account',
  'account.edit': 'Changed an account',
  'account.remove': 'Removed an account',
  'order.place': 'Placed an order',
  'order.reverse': 'Asked for a reversal',
  'cards.reveal': 'Revealed a card',
  'sheet.preview': 'Previewed a card sheet',
  'sheet.print': 'Printed a card sheet',
  'sheet.save': 'Saved a card sheet',
  'cards.export': 'Exported cards',
  'settings.lock-idle-minutes': 'Changed the auto-lock time',
  'lock.lock': 'Locked Giftdesk',
  'lock.unlock': 'Unlocked Giftdesk',
  'balance.sweep': 'Asked for card balances',
  'card.expiry': 'Expiry changed by the provider',
};

const VIA: Record<AuditEventView['actor']['via'], string> = { desktop: 'desktop app', cli: 'command line', engine: 'order engine', system: 'Giftdesk' };

/** The action in words; an order's state change reads "Order: complete", revealing an order's cards "Revealed 25 cards". */
export function actionWords(e: AuditEventView): string {
  if (e.action === 'order.transition' && typeof e.details.to === 'string') return `Order: ${e.details.to.replace(/-/g, ' ')}`;
  if (e.action === 'balance.transition' && typeof e.details.to === 'string') return `Balance checks: ${e.details.to}`;
  if (e.action === 'cards.reveal' && e.details.cardId === null && typeof e.details.cards === 'number') return `Revealed ${e.details.cards} cards`;
  return ACTIONS[e.action] ?? e.recorded ?? e.action;
}

/** Who: the person (when known) and the front door. */
export function actorWords(e: AuditEventView): string {
  return e.actor.user ? `${e.actor.user} (${VIA[e.actor.via]})` : VIA[e.actor.via];
}

/** Details as short "key: value" pairs, without empty values or lists; amounts in cents shown as money. */
export function detailWords(e: AuditEventView): string {
  const currency = typeof e.details.currency === 'string' ? e.details.currency : null;
  return Object.entries(e.details)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      if (/Cents$/.test(k) && typeof v === 'number') return `${k.replace(/Cents$/, '')}: ${currency ? formatMoney(v, currency) : (v / 100).toFixed(2)}`;
      return `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
    })
    .join(' · ');
}
