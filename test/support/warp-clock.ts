import { systemClock, type Clock } from '../../main/core/clock';

/**
 * Real time, running `factor` times faster: every wait the engine and the sandbox make (the 2 s before fetching a
 * short page again, backoff after a refused call, an order's processing time) is kept, only shorter in wall time.
 */
export function warpClock(factor: number): Clock {
  const start = Date.now();
  return {
    now: () => start + Math.round((Date.now() - start) * factor),
    sleep: (ms, signal) => systemClock.sleep(ms / factor, signal),
  };
}
