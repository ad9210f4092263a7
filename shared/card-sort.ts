/** The orders the Cards table can be read in: by date stored, face value or expiry, each either way. */
export const CARD_SORTS = ['date', 'value', 'expiry'] as const;
export type CardSort = (typeof CARD_SORTS)[number];
export type SortDirection = 'asc' | 'desc';
