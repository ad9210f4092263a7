// The order state machine: one table of what may happen to an order in each state and where it leads. The orders
// repository enforces it where the row is written (an event the table does not allow is refused and changes nothing),
// the engine drives by it, and the renderer reads the settled states from here. Pure: no Node, no store.

export const ORDER_STATES = [
  'draft',
  'submitting',
  'accepted',
  'processing',
  'fetching',
  'complete',
  'failed',
  'cancelled',
  'needs-attention',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** What can happen to an order. Each is a fact (the provider said, the store holds, a person asked), not a target. */
export const ORDER_EVENTS = [
  /** A submit goes out (again, from submitting: the same reference, after the provider said it never arrived). */
  'send',
  /** The provider has the order and is working on it. */
  'accepted',
  /** A status check: still processing (or, while fetching, the provider's order id must be asked for first). */
  'processing',
  /** The provider says the cards are ready to fetch. */
  'ready',
  /** The store holds exactly the cards ordered, line by line. */
  'stored',
  /** Refused before the provider took it: its answer to the submit, or an account that cannot send at all. */
  'refused',
  /** The provider reports the order failed. */
  'provider-failed',
  /** The provider reports the order cancelled. */
  'provider-cancelled',
  /** Our reversal was accepted by the provider. */
  'reversed',
  /** Giftdesk cannot go on alone: a refused check, missing cards, an account that stopped working. */
  'stuck',
  /** A person pressed "check now" on a stuck order that may have been sent: look it up by reference again. */
  'resume-send',
  /** A person pressed "check now" on a stuck order the provider has: fetch (or ask for) its cards again. */
  'resume-fetch',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/**
 * The whole machine. A state's row lists the events it takes and the state each leads to; an event leading to the
 * same state (a re-send, another "still processing") updates the row without being a state change.
 */
export const ORDER_TRANSITIONS: { readonly [S in OrderState]: { readonly [E in OrderEvent]?: OrderState } } = {
  draft: { send: 'submitting', refused: 'failed' },
  submitting: {
    send: 'submitting',
    accepted: 'accepted',
    ready: 'fetching',
    refused: 'failed',
    'provider-failed': 'failed',
    'provider-cancelled': 'cancelled',
    stuck: 'needs-attention',
  },
  accepted: {
    processing: 'processing',
    ready: 'fetching',
    'provider-failed': 'failed',
    'provider-cancelled': 'cancelled',
    reversed: 'cancelled',
    stuck: 'needs-attention',
  },
  processing: {
    processing: 'processing',
    ready: 'fetching',
    'provider-failed': 'failed',
    'provider-cancelled': 'cancelled',
    reversed: 'cancelled',
    stuck: 'needs-attention',
  },
  fetching: { processing: 'processing', stored: 'complete', 'provider-cancelled': 'cancelled', reversed: 'cancelled', stuck: 'needs-attention' },
  // A complete Wpay order may still be reversed inside its window (the provider refuses if a card was used).
  complete: { reversed: 'cancelled' },
  'needs-attention': { 'resume-send': 'submitting', 'resume-fetch': 'fetching', reversed: 'cancelled' },
  failed: {},
  cancelled: {},
};

/** Where the event leads from this state, or null when the table does not allow it. */
export function nextOrderState(state: OrderState, event: OrderEvent): OrderState | null {
  return ORDER_TRANSITIONS[state][event] ?? null;
}

/** States the engine stops driving in: done, or waiting for a person ("check now", a reversal). */
export const SETTLED_STATES: readonly OrderState[] = ['complete', 'failed', 'cancelled', 'needs-attention'];

export function isSettled(state: OrderState): boolean {
  return SETTLED_STATES.includes(state);
}
