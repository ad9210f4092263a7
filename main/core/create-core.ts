import { systemClock, type Clock } from './clock';
import { seedSandboxAccounts } from './accounts/seed-sandbox-accounts';
import { createOrderEngine } from './engine/order-engine';
import type { ProviderClientOptions } from './providers/create-provider-client';
import { createProviderRegistry, type ProviderRegistryOptions } from './providers/provider-registry';
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
import { APP_VERSION } from './app-version';
import { createBackups } from './vault/backup/backups';
import { sourceBackupWorkerEntry } from './vault/backup/run-backup';
import { PASSCODE_KDF, type KdfCost } from './vault/passcode-kdf';
import type { UnlockPrompt } from './vault/unlock-prompt';
import { createVault } from './vault/vault';
import type { VaultAccess } from './vault/unlock-store-key';

export interface CoreOptions {
  dataDir: string;
  keychain: Keychain;
  /**
   * How the person is asked for the passcode (or the recovery key, or a new passcode) while the store opens. The
   * desktop app relays it to its passcode screen, the CLI to a terminal prompt or standard input; createCore resolves
   * once the store is open, so a shell shows its unlock screen first and builds everything else after.
   */
  unlock: UnlockPrompt;
  /** The Argon2id cost of passcode copies made from now on. The real cost unless a test asks for a small one. */
  passcodeKdf?: KdfCost;
  clock?: Clock;
  /** Timeouts and retry policy of the provider clients. */
  providerClient?: ProviderClientOptions;
  /** The built-in sandbox's processing time and faults, or false for none. */
  sandbox?: ProviderRegistryOptions['sandbox'];
  /** Who drives orders and acts in the audit log: "desktop app", "CLI"… */
  label?: string;
  actor?: string;
  /** Bundled worker files (desktop build); from source, the .ts entries are started through tsx. */
  workers?: { cardWriter?: WorkerEntry; cardJob?: WorkerEntry; backup?: WorkerEntry };
  /** Written into backups; package.json's version unless a shell knows better. */
  appVersion?: string;
}

/** What opening a store with a vault needs, from the composition root's options. */
export function vaultAccess(options: Pick<CoreOptions, 'keychain' | 'unlock' | 'passcodeKdf'>, clock: Clock): VaultAccess {
  return { keychain: options.keychain, prompt: options.unlock, cost: options.passcodeKdf ?? PASSCODE_KDF, now: () => clock.now() };
}

/**
 * The composition root. The Electron shell, the CLI and the tests all build the core here, and inject what differs
 * between them (data folder, keychain, clock, provider hosts) instead of branching on where they run.
 */
export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const access = vaultAccess(options, clock);
  const store = await openStore({ dataDir: options.dataDir, access });
  const { db } = store;
  const accounts = createAccountsRepo(db);
  const orders = createOrdersRepo(db);
  const cards = createCardsRepo(db);
  const audit = createAuditLog(db, () => clock.now());
  const secrets = createAccountSecrets(options.keychain);
  const settings = createSettingsRepo(db);
  if (store.created) seedSandboxAccounts(accounts, clock.now());

  const vault = createVault({
    dataDir: options.dataDir,
    storeId: store.storeId,
    databaseKey: store.databaseKey,
    keychain: options.keychain,
    cost: access.cost,
    now: access.now,
    // Wrong passcodes are counted in store.json while the store is shut; the next right one writes them here.
    recordFailures: (failures) =>
      audit.append({ actor: options.actor ?? 'user', action: 'vault.passcode-failures', subject: 'vault', details: { ...failures } }),
  });
  vault.report(store.failures);
  const backups = createBackups({
    dataDir: options.dataDir,
    storeId: store.storeId,
    connection: store.connection,
    clock,
    settings,
    accounts,
    secrets,
    appVersion: options.appVersion ?? APP_VERSION,
    worker: options.workers?.backup ?? sourceBackupWorkerEntry(),
  });

  const providers = createProviderRegistry({
    dataDir: options.dataDir,
    clock,
    accounts,
    secrets,
    client: options.providerClient,
    sandbox: options.sandbox ?? {},
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
    limitsFor: providers.limitsFor,
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
    settings,
    /** The passcode, the recovery key and the kit, while the store is open. */
    vault,
    /** Verified backups, by hand or daily. */
    backups,
    engine,
    providers,
    providerFor: providers.clientFor,
    /** The sheet and export worker (rendering and encryption run off the main thread). */
    cardJobWorker: options.workers?.cardJob ?? sourceCardWorker(),
    /** Stops the engine (state stays committed), the sandbox and the clients, then closes the store. */
    async close(): Promise<void> {
      await backups.stopSchedule();
      await engine.stop();
      await writer.close();
      await providers.close();
      store.close();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
