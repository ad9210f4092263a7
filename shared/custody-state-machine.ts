// The custody state machine: where each card is between the store and the person who got it. One table of what may
// happen to a card in each state and where it leads; the custody repository enforces it where the row is written (an
// event the table does not allow is refused and changes nothing). Pure: no Node, no store.

export const CUSTODY_STATES = ['in-stock', 'reserved', 'issued', 'void', 'cancelled'] as const;
export type CustodyState = (typeof CUSTODY_STATES)[number];

export const CUSTODY_EVENTS = [
  /** Taken from stock into a hand-out. */
  'reserve',
  /** A reserved card put back into stock (the rest of a hand-out after the event): recorded, not a state of its own. */
  'return',
  /** Handed to a person at the event. */
  'issue',
  /** An issued card put back into its hand-out: a mistake, undone explicitly. */
  'unissue',
  /** Lost, damaged or withdrawn, with a reason: a record of ours, not a provider action. */
  'void',
  /** Its order was reversed or cancelled: the card is worth nothing now. */
  'cancel',
] as const;
export type CustodyEvent = (typeof CUSTODY_EVENTS)[number];

export const CUSTODY_TRANSITIONS: { readonly [S in CustodyState]: { readonly [E in CustodyEvent]?: CustodyState } } = {
  'in-stock': { reserve: 'reserved', void: 'void', cancel: 'cancelled' },
  reserved: { return: 'in-stock', issue: 'issued', void: 'void', cancel: 'cancelled' },
  issued: { unissue: 'reserved', void: 'void', cancel: 'cancelled' },
  // A reversal refunds a lost card too, so the record follows the money.
  void: { cancel: 'cancelled' },
  cancelled: {},
};

export function nextCustodyState(state: CustodyState, event: CustodyEvent): CustodyState | null {
  return CUSTODY_TRANSITIONS[state][event] ?? null;
}

/** States a card is part of its hand-out in: it cannot be in another one then. */
export const HANDOUT_STATES: readonly CustodyState[] = ['reserved', 'issued'];

/** How people read each state. */
export const CUSTODY_LABELS: Record<CustodyState, string> = {
  'in-stock': 'in stock',
  reserved: 'reserved',
  issued: 'issued',
  void: 'void',
  cancelled: 'cancelled',
};

/** What each event does, for a refusal's sentence ("… it cannot be taken into a hand-out"). */
export const CUSTODY_EVENT_WORDS: Record<CustodyEvent, string> = {
  reserve: 'taken into a hand-out',
  return: 'returned to stock',
  issue: 'issued',
  unissue: 'put back into its hand-out',
  void: 'voided',
  cancel: 'cancelled',
};
