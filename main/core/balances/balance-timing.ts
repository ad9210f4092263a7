/**
 * The balance checks' costly parameters, injected through the composition root: Wpay counts its limit per minute,
 * tests shorten the minute on both sides (the sandbox's window and this one).
 */
export interface BalanceTiming {
  /** The provider's rate window: the account's rate is requests per this long. */
  windowMs: number;
  /**
   * Added to the window on our side: a request reaches the provider a little after we count it, and not always
   * equally late, so slots are spaced a window and this much apart.
   */
  marginMs: number;
  /** How often the process holding the lease looks for sweeps another process recorded, and a follower for progress. */
  watchMs: number;
  /** The first pause after a failed check without a Retry-After (a 5xx, no answer); it doubles with each failure in a row. */
  retryBaseMs: number;
}

export const DEFAULT_BALANCE_TIMING: BalanceTiming = { windowMs: 60_000, marginMs: 500, watchMs: 2_000, retryBaseMs: 1_000 };
