/**
 * The app lock as the application layer sees it: the desktop shell's auto-lock (main/electron/auto-lock.ts). Where
 * nothing locks (the CLI), there is none.
 */
export interface AppLock {
  readonly locked: boolean;
  /** Minutes of no use after which card data is hidden. */
  readonly idleMinutes: number;
  setIdleMinutes(minutes: number): void;
  lock(): void;
  /** Unlocks once `verify` (the person's proof, checked by the application layer) resolves true; throws what it throws. */
  unlock(verify: () => Promise<boolean>): Promise<boolean>;
  /** Throws AppLockedError while locked: the one gate in front of every channel but the lock's own. */
  assertUnlocked(): void;
}

/** A quick proof of the person at the desk that is not the passcode (macOS Touch ID), where the shell has one. */
export interface QuickUnlock {
  /** Whether this machine can ask for it now. */
  available(): boolean;
  /** Asks; resolves true only when the person proved it. */
  prompt(reason: string): Promise<boolean>;
}
