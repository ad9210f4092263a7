/**
 * How long the checks still to send will take at the account's rate: `remaining` requests at `perWindow` per
 * `windowMs`. 1,000 cards at 50 a minute is 20 minutes. A burst into a window with free slots finishes somewhat
 * sooner; the estimate never promises an end before the rate allows one.
 */
export function sweepEtaMs(remaining: number, perWindow: number, windowMs: number): number {
  if (remaining <= 0) return 0;
  return Math.round((remaining * windowMs) / perWindow);
}
