import type { Clock } from '../../main/core/clock';

/**
 * A clock the test moves by hand: `advance` wakes every sleeper whose time has come, in order. `sleepingUntil`
 * resolves once something sleeps until exactly that time: the way to know that the engine is waiting for its next
 * step (and has not taken it yet) without sleeping in the test.
 */
export function manualClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let now = start;
  const sleepers: { at: number; wake: () => void }[] = [];
  const watchers: { at: number; seen: () => void }[] = [];
  const clock: Clock & { advance(ms: number): void; sleepers(): number; sleepingUntil(at: number): Promise<void> } = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper = { at: now + Math.max(0, ms), wake: () => resolve() };
        sleepers.push(sleeper);
        for (const w of watchers.filter((w) => w.at === sleeper.at)) {
          watchers.splice(watchers.indexOf(w), 1);
          w.seen();
        }
        signal?.addEventListener(
          'abort',
          () => {
            sleepers.splice(sleepers.indexOf(sleeper), 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    advance(ms) {
      now += ms;
      const due = sleepers.filter((s) => s.at <= now).sort((a, b) => a.at - b.at);
      for (const s of due) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.wake();
      }
    },
    sleepers: () => sleepers.length,
    sleepingUntil(at) {
      if (sleepers.some((s) => s.at === at)) return Promise.resolve();
      return new Promise((seen) => watchers.push({ at, seen }));
    },
  };
  return clock;
}
