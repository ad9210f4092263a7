// When to ask the provider again. Wpay's guidance: about 100 cards → 5 min, 5,000 → 15, 10,000 → 35, 20,000 → 60.

const MINUTE = 60_000;
const GUIDANCE: readonly [cards: number, minutes: number][] = [
  [100, 5],
  [5_000, 15],
  [10_000, 35],
  [20_000, 60],
];
const LONGEST_MS = 90 * MINUTE;

/** The recommended wait between status calls for an order of this size, interpolated between the guidance points. */
export function recommendedPollMs(quantity: number): number {
  const first = GUIDANCE[0]!;
  if (quantity <= first[0]) return first[1] * MINUTE;
  for (let i = 1; i < GUIDANCE.length; i++) {
    const [q1, m1] = GUIDANCE[i]!;
    const [q0, m0] = GUIDANCE[i - 1]!;
    if (quantity <= q1) return (m0 + ((quantity - q0) / (q1 - q0)) * (m1 - m0)) * MINUTE;
  }
  const [qa, ma] = GUIDANCE[GUIDANCE.length - 2]!;
  const [qb, mb] = GUIDANCE[GUIDANCE.length - 1]!;
  return Math.min(LONGEST_MS, (mb + ((quantity - qb) / (qb - qa)) * (mb - ma)) * MINUTE);
}

export interface CadenceInput {
  quantity: number;
  /** Seconds, from the command or the account; replaces the guidance entirely (sandboxes, tests). */
  overrideSeconds: number | null;
  /** True for the first status check after the order was accepted. */
  first: boolean;
  /** Blackhawk's percentComplete and how long the order has run, to estimate what is left. */
  percentComplete?: number | null;
  elapsedMs?: number;
}

export function nextPollDelayMs(input: CadenceInput): number {
  if (input.overrideSeconds !== null) return input.overrideSeconds * 1000;
  const cadence = recommendedPollMs(input.quantity);
  // A small order is often done well before the cadence says: look once early, then settle into the rhythm.
  if (input.first) return Math.max(30_000, Math.round(cadence / 5));
  const p = input.percentComplete;
  if (p && p > 0 && p < 100 && input.elapsedMs && input.elapsedMs > 0) {
    const remaining = (input.elapsedMs * (100 - p)) / p;
    return Math.round(Math.min(cadence, Math.max(30_000, remaining)));
  }
  return Math.round(cadence);
}

/** After a failed call: doubling from the base, capped, with jitter so that restarts do not line up. */
export function backoffMs(failures: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
