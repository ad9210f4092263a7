import type { Core } from '../create-core';

/** What the app's handlers need from the core: the stores, the secrets, the engine and a client per account. */
export type AppCore = Pick<Core, 'accounts' | 'orders' | 'cards' | 'audit' | 'secrets' | 'clock' | 'db' | 'engine' | 'providerFor'> & {
  /** Drops a provider client built with an account's old key or settings. */
  providers: Pick<Core['providers'], 'forget'>;
};

/** The app lock as handlers see it (main's auto-lock in the app; absent where nothing locks, e.g. the CLI). */
export interface AppLock {
  readonly locked: boolean;
  lock(): void;
  /** Resolves true once unlocked, false when the person's proof was refused. */
  unlock(): Promise<boolean>;
}

export interface AppContext {
  core: AppCore;
  lock?: AppLock;
}
