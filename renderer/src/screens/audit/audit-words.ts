import type { AuditEventView } from '../../../../shared/ipc/views';
import { formatMoney } from '../../../../shared/money';

const ACTIONS: Record<string, string> = {
  'card.reveal': 'Revealed a card',
  'account.add': 'Added an account',
  'account.edit': 'Changed an account',
  'account.remove': 'Removed an account',
  'order.place': 'Placed an order',
  'order.cancel-requested': 'Asked for a reversal',
};

/** The action in words; order state changes read "Order: complete". */
export function actionWords(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const state = /^order\.(.+)$/.exec(action)?.[1];
  return state ? `Order: ${state.replace(/-/g, ' ')}` : action;
}

/** Details as short "key: value" pairs, without empty values; amounts in cents shown as money. */
export function detailWords(e: AuditEventView): string {
  const currency = typeof e.details.currency === 'string' ? e.details.currency : null;
  return Object.entries(e.details)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => {
      if (/Cents$/.test(k) && typeof v === 'number') return `${k.replace(/Cents$/, '')}: ${currency ? formatMoney(v, currency) : (v / 100).toFixed(2)}`;
      return `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
    })
    .join(' · ');
}
