import type { Clock } from '../clock';

/**
 * How an order's driver waits for its next check: until the persisted time, or until "check now" or stop, whichever
 * comes first. A wake that arrives while the driver is busy (not sleeping) makes its next wait return at once.
 */
export function createOrderSleeper(clock: Clock, stop: AbortSignal) {
  let wakeSleeper: (() => void) | null = null;
  let woken = false;
  return {
    wake(): void {
      woken = true;
      wakeSleeper?.();
    },
    async waitUntil(at: number): Promise<void> {
      if (woken) {
        woken = false;
        return;
      }
      const ms = at - clock.now();
      if (ms <= 0) return;
      const wakeup = new AbortController();
      const onStop = () => wakeup.abort();
      stop.addEventListener('abort', onStop, { once: true });
      wakeSleeper = () => wakeup.abort();
      try {
        await clock.sleep(ms, wakeup.signal);
      } catch {
        // woken early by "check now" or stop
      } finally {
        wakeSleeper = null;
        woken = false;
        stop.removeEventListener('abort', onStop);
      }
    },
  };
}
