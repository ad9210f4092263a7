import { GiftdeskError } from '../core/errors';

export type LockState = 'unlocked' | 'locked';
export type LockReason = 'idle' | 'system' | 'manual' | 'start';
export type LockEvent = { state: 'locked'; reason: LockReason } | { state: 'unlocked' };

export interface AutoLockOptions {
  /** Milliseconds without user input after which card data is hidden. */
  idleLimitMs: number;
  /** How long the user has been idle, in ms (in the app: powerMonitor.getSystemIdleTime() * 1000). */
  idleMs: () => number;
  /** Starts locked when the app should ask for an unlock before showing anything. */
  initialState?: LockState;
}

export interface AutoLock {
  readonly state: LockState;
  readonly idleLimitMs: number;
  /** Re-reads the idle source and locks when the limit is reached; main calls this on a timer. */
  check(): void;
  /** Locks at once: the OS screen locked, the machine is suspending, or the user pressed Lock. */
  lock(reason: Exclude<LockReason, 'idle'>): void;
  /** Unlocks only when `verify` (the user's proof, e.g. re-entering the app passcode) resolves true. */
  unlock(verify: () => Promise<boolean>): Promise<boolean>;
  setIdleLimit(ms: number): void;
  /** Throws AppLockedError while locked: the IPC dispatch's gate in front of every channel but the lock's own. */
  assertUnlocked(): void;
  subscribe(listener: (event: LockEvent) => void): () => void;
}

export class AppLockedError extends GiftdeskError {
  readonly kind = 'locked';
  constructor() {
    super('Giftdesk is locked. Unlock it to see card data.');
  }
}

/** Below this an idle limit would lock staff out mid-sentence; above it cards would sit on screen for too long. */
export const MIN_IDLE_LIMIT_MS = 30_000;
export const MAX_IDLE_LIMIT_MS = 60 * 60_000;

function checkedLimit(ms: number): number {
  if (!Number.isFinite(ms) || ms < MIN_IDLE_LIMIT_MS || ms > MAX_IDLE_LIMIT_MS) {
    throw new RangeError(`The auto-lock time must be between ${MIN_IDLE_LIMIT_MS / 1000} s and ${MAX_IDLE_LIMIT_MS / 60_000} min.`);
  }
  return ms;
}

/**
 * The main-side lock. It is the truth the renderer follows: the UI hides card data on 'locked', and every channel
 * that hands out card data is refused while locked (the dispatch's gate), so a renderer that ignored the event still
 * gets nothing.
 */
export function createAutoLock(options: AutoLockOptions): AutoLock {
  let state: LockState = options.initialState ?? 'unlocked';
  let idleLimitMs = checkedLimit(options.idleLimitMs);
  let unlocking = false;
  const listeners = new Set<(event: LockEvent) => void>();
  const emit = (event: LockEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  const lockNow = (reason: LockReason): void => {
    if (state === 'locked') return;
    state = 'locked';
    emit({ state: 'locked', reason });
  };

  return {
    get state() {
      return state;
    },
    get idleLimitMs() {
      return idleLimitMs;
    },
    check() {
      if (state === 'unlocked' && options.idleMs() >= idleLimitMs) lockNow('idle');
    },
    lock(reason) {
      lockNow(reason);
    },
    async unlock(verify) {
      if (state === 'unlocked') return true;
      if (unlocking) return false; // one unlock prompt at a time
      unlocking = true;
      try {
        if (!(await verify())) return false;
      } finally {
        unlocking = false;
      }
      state = 'unlocked';
      emit({ state: 'unlocked' });
      return true;
    },
    setIdleLimit(ms) {
      idleLimitMs = checkedLimit(ms);
    },
    assertUnlocked() {
      if (state === 'locked') throw new AppLockedError();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
