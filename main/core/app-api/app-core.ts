import type { Core } from '../create-core';
import type { OrderEngine } from '../engine/engine-api';
import type { ProviderClient } from '../providers/provider-client';

/** What the app's handlers need from the core: the stores, the secrets, the engine and a client per account. */
export type AppCore = Pick<Core, 'accounts' | 'orders' | 'cards' | 'audit' | 'secrets' | 'clock' | 'db'> & {
  engine: OrderEngine;
  providerFor(accountId: string): Promise<ProviderClient>;
};

export interface AppContext {
  core: AppCore;
}
