import type { CardGenerator } from './card-generator';
import type { SandboxStateStore } from './state-store';
import type { SandboxOrder } from './types';
import { cardValidity } from './wpay-wire';

/** How a card stands now: what is left on it, the provider's status word, and its expiry. */
export interface CardStanding {
  balanceCents: number;
  status: string;
  expiryMs: number;
}

/**
 * Cards get spent over time, each as the sandbox's seed decides: 40 % stay untouched, 30 % are partly used, 25 % are
 * spent, 5 % are deactivated; each change happens at a moment within `spendOverMs` of the order's activation. One card
 * in ten had its expiry extended a year by the provider. The same seed tells the same story on every run.
 */
export function cardStanding(cards: CardGenerator, order: SandboxOrder, index: number, faceCents: number, now: number, spendOverMs: number): CardStanding {
  const u = cards.usage(order, index);
  const expiryMs = cardValidity(order) + (u[4]! % 10 === 0 ? 365 * 24 * 3_600_000 : 0);
  if (order.cancelledAt !== null) return { balanceCents: faceCents, status: 'CANCELLED', expiryMs };
  const changesAt = order.readyAt + (u.readUInt16BE(1) / 65_536) * spendOverMs;
  if (now < changesAt) return { balanceCents: faceCents, status: 'ACTIVATED', expiryMs };
  const kind = u[0]! % 20;
  if (kind < 8) return { balanceCents: faceCents, status: 'ACTIVATED', expiryMs };
  if (kind < 14) return { balanceCents: Math.round((faceCents * (10 + (u[3]! % 80))) / 100), status: 'ACTIVATED', expiryMs };
  if (kind < 19) return { balanceCents: 0, status: 'ACTIVATED', expiryMs };
  return { balanceCents: faceCents, status: 'DEACTIVATED', expiryMs };
}

/** The Wpay card with this number and PIN among the sandbox's orders: its order, index and face value; null if none. */
export function findWpayCard(store: SandboxStateStore, cards: CardGenerator, number: string, pin: string): { order: SandboxOrder; index: number; faceCents: number } | null {
  // 628 + order seq (6) + index (5) + 4 digits + check digit: see card-generator.ts.
  const m = /^628(\d{6})(\d{5})\d{5}$/.exec(number);
  if (!m) return null;
  const seq = Number(m[1]);
  const index = Number(m[2]);
  for (const order of store.all()) {
    if (order.api !== 'wpay' || order.seq % 1_000_000 !== seq) continue;
    const quantity = order.lines.reduce((n, l) => n + l.quantity, 0);
    if (index >= quantity) continue;
    const card = cards.card(order, index);
    if (card.cardNumber === number && card.pin === pin) return { order, index, faceCents: order.lines[card.lineIndex]!.amountCents };
  }
  return null;
}
