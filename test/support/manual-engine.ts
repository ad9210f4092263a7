import { expect } from 'vitest';
import type { Core } from '../../main/core/create-core';
import type { OrderProgress } from '../../main/core/engine/engine-api';
import type { CallRecord } from '../../main/sandbox/types';
import { engineRig, progressWhere, withinSettleLimit, type EngineRig, type RigOptions } from './engine-harness';
import { manualClock } from './manual-clock';

// The engine rig on a clock the test moves by hand, for the engine's schedule: each wait it makes can be read to the
// millisecond (nextPollAt) and seen to be slept (sleepingUntil) before the clock is moved past it. The provider
// clients do not retry inside themselves here (their retries would sleep on this clock too), so the engine sees
// every failed call.

export interface ManualEngineRig {
  rig: EngineRig;
  clock: ReturnType<typeof manualClock>;
  /** Resolves once the order's driver (or anything) sleeps until exactly `at`; fails the test after SETTLE_LIMIT_MS. */
  sleeping(orderId: number, at: number): Promise<void>;
  /** The sandbox's call log of the order's reference. */
  calls(reference: string): Promise<CallRecord[]>;
  /**
   * Moves the clock to the check due at `due` and returns the progress it leads to (the first that `matches`), once
   * its next check is seen to lie `within` [min, max] ms after `due` and the driver sleeps until it.
   */
  backsOff(orderId: number, due: number, matches: (p: OrderProgress) => boolean, within: [number, number]): Promise<OrderProgress>;
}

export async function manualEngineRig(options: Omit<RigOptions, 'clock' | 'providerClient'> = {}): Promise<ManualEngineRig> {
  const clock = manualClock();
  const rig = await engineRig({ ...options, clock, providerClient: { retry: { maxAttempts: 1 } } });
  return {
    rig,
    clock,
    sleeping: (orderId, at) => withinSettleLimit(`a wait until ${at - clock.now()} ms from now`, orderId, clock.sleepingUntil(at)),
    calls: async (reference) => (await rig.sandbox()).stats().calls[reference] ?? [],
    async backsOff(orderId, due, matches, [min, max]) {
      const next = progressWhere(rig.core, orderId, matches);
      clock.advance(due - clock.now());
      const progress = await next;
      expect(progress.nextPollAt! - due).toBeGreaterThanOrEqual(min);
      expect(progress.nextPollAt! - due).toBeLessThanOrEqual(max);
      await withinSettleLimit(`a wait until ${progress.nextPollAt! - clock.now()} ms from now`, orderId, clock.sleepingUntil(progress.nextPollAt!));
      return progress;
    },
  };
}

/** The order's progress as it stands when it already matches, else the first progress that does. */
export function reached(core: Core, orderId: number, matches: (p: OrderProgress) => boolean): Promise<OrderProgress> {
  const now = core.engine.progress(orderId);
  return matches(now) ? Promise.resolve(now) : progressWhere(core, orderId, matches);
}
