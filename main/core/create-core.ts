import os from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxOptions } from '../sandbox';
import { seedSandboxAccounts } from './accounts/seed-sandbox-accounts';
import { createApp } from './app/create-app';
import type { Actor } from './audit/vocabulary';
import { systemClock, type Clock } from './clock';
import { createOrderEngine } from './engine/order-engine';
import { sourceCardWorker } from './exports/run-card-worker';
import type { ProviderClientOptions } from './providers/create-provider-client';
import { createProviderRegistry } from './providers/provider-registry';
import { createAccountSecrets } from './secrets/account-secrets';
import type { Keychain } from './secrets/keychain';
import { openStore } from './store/open-store';
import { createAccountsRepo } from './store/repos/accounts';
import { createAuditLog } from './store/repos/audit';
import { createCardPagesRepo } from './store/repos/card-pages';
import { createCardsRepo } from './store/repos/cards';
import { createEngineLeaseRepo } from './store/repos/engine-lease';
import { createOrdersRepo } from './store/repos/orders';
import { createSettingsRepo } from './store/repos/settings';
import { createCardWriter, sourceCardWriterEntry } from './store/writer/card-writer';
import type { WorkerEntry } from './workers/worker-entry';

export interface CoreOptions {
  dataDir: string;
  keychain: Keychain;
  clock?: Clock;
  /** Timeouts and retry policy of the provider clients. */
  providerClient?: ProviderClientOptions;
  /** The built-in sandbox's processing time (and, in tests, its fault instruments), or false for none. */
  sandbox?: Omit<SandboxOptions, 'stateDir' | 'clock'> | false;
  /** Who drives orders, shown to another process that finds the data folder taken: "desktop app", "CLI"… */
  label?: string;
  /** The operating-system user acting through this process, for the audit log. */
  user?: string;
  /** Bundled worker files (desktop build); from source, the .ts entries are started through tsx. */
  workers?: { cardWriter?: WorkerEntry; cardJob?: WorkerEntry };
}

/**
 * The composition root. The Electron shell, the CLI and the tests all build the core here, and inject what differs
 * between them (data folder, keychain, clock, provider hosts, the sandbox's instruments) instead of branching on
 * where they run. The front doors use `app`, the application layer, and nothing else; the parts below it are here
 * for the layer itself and for tests that set the scene.
 */
export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const user = options.user ?? os.userInfo().username;
  const store = await openStore({ dataDir: options.dataDir, keychain: options.keychain, now: clock.now() });
  const { db } = store;
  const audit = createAuditLog(db, () => clock.now());
  const accounts = createAccountsRepo(db);
  const orders = createOrdersRepo(db, audit);
  const cards = createCardsRepo(db);
  const settings = createSettingsRepo(db);
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
  const engineActor: Actor = { via: 'engine', user };
  const engine = createOrderEngine({
    accounts,
    orders,
    cards,
    pages: createCardPagesRepo(db),
    writer,
    lease: createEngineLeaseRepo(db),
    clock,
    providerFor: providers.clientFor,
    label: options.label ?? `pid ${process.pid}`,
    actor: engineActor,
  });
  const app = createApp({
    clock,
    transaction: store.transaction,
    accounts,
    orders,
    cards,
    audit,
    settings,
    secrets,
    engine,
    providers,
    cardJobWorker: options.workers?.cardJob ?? sourceCardWorker(),
  });

  return {
    dataDir: options.dataDir,
    clock,
    storeId: store.storeId,
    /** The OS user this process acts for; the front doors put it in their Actor. */
    user,
    app,
    accounts,
    orders,
    cards,
    audit,
    secrets,
    settings,
    engine,
    providers,
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
