import type { CardSort, SortDirection } from '../../../../shared/card-sort';

/** The Cards table's orders, as the sort control offers them, with what each end of the table is called. */
export const CARD_ORDERS = [
  { value: 'date-desc', label: 'Newest first', sort: 'date', direction: 'desc', top: 'Newest', bottom: 'Oldest' },
  { value: 'date-asc', label: 'Oldest first', sort: 'date', direction: 'asc', top: 'Oldest', bottom: 'Newest' },
  { value: 'value-desc', label: 'Highest value first', sort: 'value', direction: 'desc', top: 'Highest value', bottom: 'Lowest value' },
  { value: 'value-asc', label: 'Lowest value first', sort: 'value', direction: 'asc', top: 'Lowest value', bottom: 'Highest value' },
  { value: 'expiry-asc', label: 'Expiring soonest first', sort: 'expiry', direction: 'asc', top: 'Expiring soonest', bottom: 'Expiring last' },
  { value: 'expiry-desc', label: 'Expiring last first', sort: 'expiry', direction: 'desc', top: 'Expiring last', bottom: 'Expiring soonest' },
] as const satisfies readonly { value: string; label: string; sort: CardSort; direction: SortDirection; top: string; bottom: string }[];

export type CardOrder = (typeof CARD_ORDERS)[number];
export const NEWEST_FIRST: CardOrder = CARD_ORDERS[0];
export const flip = (d: SortDirection): SortDirection => (d === 'asc' ? 'desc' : 'asc');
