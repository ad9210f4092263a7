/** Wpay's documented limit on balance checks: 50 requests in any minute, per partner. */
export interface BalanceRateConfig {
  limit: number;
  windowMs: number;
  /** Cards change (spent, partly used…) at moments spread over this long after their order's activation. */
  spendOverMs: number;
}

export const DEFAULT_BALANCE_RATE: BalanceRateConfig = { limit: 50, windowMs: 60_000, spendOverMs: 10 * 60_000 };

/**
 * The sandbox's side of the rate limit: every balance request is counted when it arrives, and one that would make
 * more than `limit` in the last `windowMs` is turned away (429, with the seconds until a slot frees). It also keeps
 * the most requests ever seen in any window, the figure a test holds the client to.
 */
export function createBalanceWindow(config: BalanceRateConfig) {
  const arrivals: number[] = [];
  let maxInWindow = 0;
  let throttled = 0;
  let requests = 0;
  return {
    /** Counts a request arriving now; null when it may be answered, or how long to wait before the next one may. */
    arrive(now: number): { retryAfterMs: number } | null {
      requests += 1;
      arrivals.push(now);
      // Every request counts, answered or not: a client that keeps knocking is over the limit too.
      const inWindow = arrivals.filter((t) => t > now - config.windowMs);
      maxInWindow = Math.max(maxInWindow, inWindow.length);
      while (arrivals.length > 0 && arrivals[0]! <= now - 2 * config.windowMs) arrivals.shift();
      if (inWindow.length <= config.limit) return null;
      throttled += 1;
      return { retryAfterMs: inWindow[inWindow.length - config.limit - 1]! + config.windowMs - now };
    },
    snapshot: () => ({ limit: config.limit, windowMs: config.windowMs, requests, throttled, maxInWindow }),
  };
}

export type BalanceWindow = ReturnType<typeof createBalanceWindow>;
