import { PasscodeWait } from './errors';
import type { FailedAttempts } from './vault-record';

// After each wrong passcode the next try must wait longer: 1 s, 2 s, 4 s … up to a minute. The wait runs from the
// last failure as written in store.json, so a new process (or a restarted app) waits just the same.

const MAX_WAIT_SECONDS = 60;

export function waitSecondsAfter(failedAttempts: number): number {
  if (failedAttempts <= 0) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** Math.min(failedAttempts - 1, 6));
}

/** When the next attempt may be checked (ms since the epoch); 0 when there is no wait. */
export function nextAttemptAt(failures: FailedAttempts | undefined): number {
  return failures ? failures.lastAt + waitSecondsAfter(failures.count) * 1000 : 0;
}

/** Refuses, unchecked, an attempt made before the wait is over. */
export function assertMayTry(failures: FailedAttempts | undefined, now: number): void {
  const at = nextAttemptAt(failures);
  if (failures && now < at) throw new PasscodeWait(failures.count, Math.ceil((at - now) / 1000));
}

export function withFailure(failures: FailedAttempts | undefined, now: number): FailedAttempts {
  return failures ? { count: failures.count + 1, firstAt: failures.firstAt, lastAt: now } : { count: 1, firstAt: now, lastAt: now };
}
