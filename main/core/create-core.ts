import path from 'node:path';
import { systemClock, type Clock } from './clock';
import { seedSandboxAccounts } from './accounts/seed-sandbox-accounts';
import { createOrderEngine } from './engine/order-engine';
import type { ProviderClientOptions } from './providers/create-provider-client';
import { limitsFor } from './providers/provider-limits';
import { createProviderRegistry } from './providers/provider-registry';
import { startSandbox, type SandboxOptions } from '../sandbox';
import { createAccountSecrets } from './secrets/account-secrets';
import type { Keychain } from './secrets/keychain';
import { openStore } from './store/open-store';
import { createCardWriter, sourceCardWriterEntry } from './store/writer/card-writer';
import { sourceCardWorker } from './exports/run-card-worker';
import type { WorkerEntry } from './workers/worker-entry';
import { createAccountsRepo } from './store/repos/accounts';
import { createAuditLog } from './store/repos/audit';
import { createCardPagesRepo } from './store/repos/card-pages';
import { createCardsRepo } from './store/repos/cards';
import { createEngineLeaseRepo } from './store/repos/engine-lease';
import { createOrdersRepo } from './store/repos/orders';
import { createSettingsRepo } from './store/repos/settings';

export interface CoreOptions {
  dataDir: string;
  keychain: Keychain;
  clock?: Clock;
  /** Timeouts and retry policy of the provider clients. */
  providerClient?: ProviderClientOptions;
  /** The built-in sandbox's processing time (and, in tests, its fault instruments), or false for none. */
  sandbox?: Omit<SandboxOptions, 'stateDir' | 'clock'> | false;
  /** Who drives orders and acts in the audit log: "desktop app", "CLI"… */
  label?: string;
  actor?: string;
  /** Bundled worker files (desktop build); from source, the .ts entries are started through tsx. */
  workers?: { cardWriter?: WorkerEntry; cardJob?: WorkerEntry };
}

/**
 * The composition root. The Electron shell, the CLI and the tests all build the core here, and inject what differs
 * between them (data folder, keychain, clock, provider hosts) instead of branching on where they run.
 */
export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const store = await openStore({ dataDir: options.dataDir, keychain: options.keychain, now: clock.now() });
  const { db } = store;
  const accounts = createAccountsRepo(db);
  const orders = createOrdersRepo(db);
  const cards = createCardsRepo(db);
  const audit = createAuditLog(db, () => clock.now());
  const secrets = createAccountSecrets(options.keychain);
  if (store.created) seedSandboxAccounts(accounts, clock.now());

  const sandbox = options.sandbox ?? {};
  const providers = createProviderRegistry({
    clock,
    accounts,
    secrets,
    client: options.providerClient,
    startSandbox: sandbox === false ? null : () => startSandbox({ ...sandbox, stateDir: path.join(options.dataDir, 'sandbox'), clock }),
  });
  const writer = createCardWriter(store.connection, options.workers?.cardWriter ?? sourceCardWriterEntry());
  const engine = createOrderEngine({
    db,
    accounts,
    orders,
    cards,
    pages: createCardPagesRepo(db),
    writer,
    lease: createEngineLeaseRepo(db),
    audit,
    clock,
    providerFor: providers.clientFor,
    limitsFor,
    label: options.label ?? `pid ${process.pid}`,
    actor: options.actor ?? 'user',
  });

  return {
    dataDir: options.dataDir,
    clock,
    storeId: store.storeId,
    db,
    accounts,
    orders,
    cards,
    audit,
    secrets,
    settings: createSettingsRepo(db),
    engine,
    providers,
    providerFor: providers.clientFor,
    /** The sheet and export worker (rendering and encryption run off the main thread). */
    cardJobWorker: options.workers?.cardJob ?? sourceCardWorker(),
    /** Stops the engine (state stays committed), the sandbox and the clients, then closes the store. */
    async close(): Promise<void> {
      await engine.stop();
      await writer.close();
      await providers.close();
      store.close();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
