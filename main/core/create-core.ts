import { systemClock, type Clock } from './clock';
import { createAccountSecrets } from './secrets/account-secrets';
import type { Keychain } from './secrets/keychain';
import { openStore } from './store/open-store';
import { createAccountsRepo } from './store/repos/accounts';
import { createAuditLog } from './store/repos/audit';
import { createCardsRepo } from './store/repos/cards';
import { createOrdersRepo } from './store/repos/orders';

export interface CoreOptions {
  dataDir: string;
  keychain: Keychain;
  clock?: Clock;
}

/**
 * The composition root. The Electron shell, the CLI and the tests all build the core here, and inject what differs
 * between them (data folder, keychain, clock, provider hosts) instead of branching on where they run.
 */
export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const store = await openStore({ dataDir: options.dataDir, keychain: options.keychain, now: clock.now() });
  const { db } = store;
  return {
    dataDir: options.dataDir,
    clock,
    secrets: createAccountSecrets(options.keychain),
    storeId: store.storeId,
    db,
    accounts: createAccountsRepo(db),
    orders: createOrdersRepo(db),
    cards: createCardsRepo(db),
    audit: createAuditLog(db, () => clock.now()),
    close(): void {
      store.close();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
