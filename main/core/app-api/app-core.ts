import type { Core } from '../create-core';

/** What the app's handlers need from the core: the stores, the secrets, the engine and a client per account. */
export type AppCore = Pick<Core, 'accounts' | 'orders' | 'cards' | 'audit' | 'secrets' | 'clock' | 'db' | 'engine' | 'providerFor'> & {
  /** Drops a provider client built with an account's old key or settings. */
  providers: Pick<Core['providers'], 'forget'>;
};

export interface AppContext {
  core: AppCore;
}
