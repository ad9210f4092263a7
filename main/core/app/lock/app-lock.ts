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
  /** Resolves true once unlocked, false when the person's proof was refused. */
  unlock(): Promise<boolean>;
  /** Throws AppLockedError while locked: the one gate in front of every channel that hands out card data. */
  assertUnlocked(): void;
}
