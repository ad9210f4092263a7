// The balance sweep state machine: a sweep is a long job like an order, persisted, resumable, cancellable. One table
// of what may happen to a sweep in each state and where it leads; the balances repository enforces it where the row
// is written (an event the table does not allow is refused and changes nothing). Pure: no Node, no store.

export const SWEEP_STATES = ['queued', 'running', 'done', 'cancelled'] as const;
export type SweepState = (typeof SWEEP_STATES)[number];

export const SWEEP_EVENTS = [
  /** The process that holds the engine lease starts (or, after a crash, carries on) sending its checks. */
  'drive',
  /** Every card of the sweep has its one answer (or a plain "not available"). */
  'finish',
  /** A person cancelled it: the cards not asked about yet stay without an answer from this sweep. */
  'cancel',
] as const;
export type SweepEvent = (typeof SWEEP_EVENTS)[number];

export const SWEEP_TRANSITIONS: { readonly [S in SweepState]: { readonly [E in SweepEvent]?: SweepState } } = {
  queued: { drive: 'running', finish: 'done', cancel: 'cancelled' },
  // A driver that died left it running: the next one drives it again from its committed cards.
  running: { drive: 'running', finish: 'done', cancel: 'cancelled' },
  done: {},
  cancelled: {},
};

export function nextSweepState(state: SweepState, event: SweepEvent): SweepState | null {
  return SWEEP_TRANSITIONS[state][event] ?? null;
}

export function isSweepOver(state: SweepState): boolean {
  return state === 'done' || state === 'cancelled';
}

/** What a sweep asks about: one card (Giftdesk's id), a hand-out's cards, an order's cards, or every issued card. */
export type SweepScope = { kind: 'card'; cardId: number } | { kind: 'handout'; handoutId: number } | { kind: 'order'; orderId: number } | { kind: 'issued' };
