import os from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxOptions } from '../sandbox';
import { seedSandboxAccounts } from './accounts/seed-sandbox-accounts';
import { createApp } from './app/create-app';
import type { Actor } from './audit/vocabulary';
import { systemClock, type Clock } from './clock';
import { createOrderEngine } from './engine/order-engine';
import { LEASE_TTL_MS } from './engine/engine-lease';
import { createBalanceEngine } from './balances/balance-engine';
import { DEFAULT_BALANCE_TIMING, type BalanceTiming } from './balances/balance-timing';
import { createBalancesRepo } from './store/repos/balances';
import { sourceCardWorker } from './exports/run-card-worker';
import type { ProviderClientOptions } from './providers/create-provider-client';
import { createProviderRegistry } from './providers/provider-registry';
import { createAccountSecrets } from './secrets/account-secrets';
import type { Keychain } from './secrets/keychain';
import { StoreCorrupt, StoreReadOnly } from './store/errors';
import { openStore, type WhenReadOnly } from './store/open-store';
import { DATABASE_FILE } from './store/open-store';

import { GiftdeskError } from './errors';
import { createAccountsRepo } from './store/repos/accounts';
import { createAuditLog } from './store/repos/audit';
import { createCardPagesRepo } from './store/repos/card-pages';
import { createCardsRepo } from './store/repos/cards';
import { createCustodyRepo } from './store/repos/custody';
import { createHandoutsRepo } from './store/repos/handouts';
import { createQuarantinedCardsRepo } from './store/repos/quarantined-cards';
import { createEngineLeaseRepo } from './store/repos/engine-lease';
import { createOrdersRepo } from './store/repos/orders';
import { createReportsRepo } from './store/repos/reports';
import { createOrderHistoryRepo } from './store/repos/order-history';
import { createSettingsRepo } from './store/repos/settings';
import { createCardWriter, sourceCardWriterEntry } from './store/writer/card-writer';
import type { WorkerEntry } from './workers/worker-entry';
import { APP_VERSION } from './app-version';
import { createBackups } from './vault/backup/backups';
import { sourceBackupWorkerEntry } from './vault/backup/run-backup';
import type { KdfCost } from './vault/passcode-kdf';
import type { UnlockPrompt } from './vault/unlock-prompt';
import { createVault } from './vault/vault';
import { recordPasscodeFailures } from './app/vault/passcode-failures';
import { vaultAccess } from './vault/vault-access';
import { createLeftovers } from './fs/leftovers';
import { createPasscodeEntry } from './app/vault/passcode-entry';

/** The data folder's notes of files that must not outlive a crash (fs/leftovers.ts). */
const LEFTOVERS_DIR = 'leftovers';

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
  /** The built-in sandbox's processing time (and, in tests, its fault instruments), or false for none. */
  sandbox?: Omit<SandboxOptions, 'stateDir' | 'clock'> | false;
  /** Who drives orders, shown to another process that finds the data folder taken: "desktop app", "CLI"… */
  label?: string;
  /**
   * How long the engine lease lasts without renewal before another process may take the orders over (30 s,
   * engine-lease.ts); tests shorten it to see a stalled process lose it.
   */
  leaseTtlMs?: number;
  /** The operating-system user acting through this process, for the audit log. */
  user?: string;
  /** Bundled worker files (desktop build); from source, the .ts entries are started through tsx. */
  workers?: { cardWriter?: WorkerEntry; cardJob?: WorkerEntry; backup?: WorkerEntry };
  /** Written into backups; package.json's version unless a shell knows better. */
  appVersion?: string;
  /**
   * A data folder this process cannot write: refused (the default, for the desktop app, which records every reveal
   * and lock), or opened for reading, where every command that would write says why it cannot (the CLI's listings).
   */
  whenReadOnly?: WhenReadOnly;
  /**
   * The balance checks' rate window (Wpay: a minute), our margin on it and how often the store is looked at for
   * sweeps; tests shorten them, and the sandbox's window with them.
   */
  balanceTiming?: Partial<BalanceTiming>;
}

export { vaultAccess } from './vault/vault-access';

/**
 * The composition root. The Electron shell, the CLI and the tests all build the core here, and inject what differs
 * between them (data folder, keychain, clock, provider hosts, the sandbox's instruments) instead of branching on
 * where they run. The front doors use `app`, the application layer, and nothing else; the parts below it are here
 * for the layer itself and for tests that set the scene.
 */
export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const user = options.user ?? os.userInfo().username;
  const access = vaultAccess(options, clock);
  const store = await openStore({ dataDir: options.dataDir, access, whenReadOnly: options.whenReadOnly });
  const { readOnly } = store;
  const { db } = store;
  const audit = createAuditLog(db, () => clock.now());
  const accounts = createAccountsRepo(db);
  const custody = createCustodyRepo(db);
  const handouts = createHandoutsRepo(db);
  // A reversed or cancelled order's cards are cancelled in the transaction that records the order's change.
  const orders = createOrdersRepo(db, audit, (orderId, auditId, now) => custody.cancelOrder(orderId, auditId, now));
  const cards = createCardsRepo(db);
  const quarantine = createQuarantinedCardsRepo(db);
  const settings = createSettingsRepo(db);
  const secrets = createAccountSecrets(options.keychain);
  if (store.created) seedSandboxAccounts(accounts, clock.now());
  // Opening took the passcode (or set a new one): that counts as typing it, for the acts that ask again after 5 minutes.
  const passcodeEntry = createPasscodeEntry(clock);
  passcodeEntry.typed();
  // What a process killed mid-write left behind: card files' .partial, print and preview folders with a plain sheet.
  const leftovers = createLeftovers(path.join(options.dataDir, LEFTOVERS_DIR));
  leftovers.sweep();

  const vault = createVault({
    dataDir: options.dataDir,
    storeId: store.storeId,
    databaseKey: store.databaseKey,
    keychain: options.keychain,
    cost: access.cost,
    now: access.now,
    // Wrong passcodes are counted in store.json while the store is shut; the next right one writes them here.
    recordFailures: (failures) => recordPasscodeFailures({ audit, transaction: store.transaction }, { via: 'system', user }, failures),
  });
  // Wrong passcodes stay counted in store.json until a store that can be written reports them.
  if (!readOnly) vault.report(store.failures);
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


  const sandbox = options.sandbox ?? {};
  const providers = createProviderRegistry({
    clock,
    accounts,
    secrets,
    client: options.providerClient,
    startSandbox:
      sandbox === false
        ? null
        : readOnly
          ? // The sandbox keeps its orders in the data folder.
            () => Promise.reject(new StoreReadOnly(options.dataDir, readOnly, 'the built-in sandbox keeps its orders there'))
          : () => startSandbox({ ...sandbox, stateDir: path.join(options.dataDir, 'sandbox'), clock }),
  });
  const writer = createCardWriter(store.connection, options.workers?.cardWriter ?? sourceCardWriterEntry());
  // The whole file checked on the writer's thread right after opening (about a second per 100,000 cards): start-up
  // does not wait for it, and what it finds is the named store-corruption error, the file left as it was.
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  const integrity: Promise<StoreCorrupt | null> = writer.checkIntegrity().then(
    (problems) => (problems.length === 0 ? null : new StoreCorrupt(databaseFile, problems.slice(0, 3).join('; ').replace(/\s+/g, ' ').slice(0, 300))),
    (err: unknown) => (err instanceof GiftdeskError && err.kind === 'store-corrupt' ? new StoreCorrupt(databaseFile, err.message) : null),
  );
  const engineActor: Actor = { via: 'engine', user };
  const engine = createOrderEngine({
    accounts,
    orders,
    cards,
    quarantine,
    pages: createCardPagesRepo(db),
    writer,
    lease: createEngineLeaseRepo(db),
    clock,
    providerFor: providers.clientFor,
    label: options.label ?? `pid ${process.pid}`,
    leaseTtlMs: options.leaseTtlMs ?? LEASE_TTL_MS,
    actor: engineActor,
  });
  const balances = createBalancesRepo(db, audit);
  const balanceTiming: BalanceTiming = { ...DEFAULT_BALANCE_TIMING, ...options.balanceTiming };
  const balanceEngine = createBalanceEngine({
    balances,
    cards,
    accounts,
    clientFor: providers.clientFor,
    clock,
    timing: balanceTiming,
    actor: engineActor,
    lease: engine,
    label: options.label ?? 'Giftdesk',
  });
  const app = createApp({
    readOnly: readOnly && { dataDir: options.dataDir, why: readOnly },
    clock,
    systemActor: { via: 'system', user },
    transaction: store.transaction,
    accounts,
    orders,
    cards,
    custody,
    handouts,
    quarantine,
    audit,
    reports: createReportsRepo(db),
    orderHistory: createOrderHistoryRepo(db),
    settings,
    secrets,
    engine,
    providers,
    integrity,
    cardJobWorker: options.workers?.cardJob ?? sourceCardWorker(),
    vault,
    backups,
    passcodeEntry,
    leftovers,
    balances,
    balanceEngine,
    balanceTiming,
  });

  return {
    dataDir: options.dataDir,
    clock,
    storeId: store.storeId,
    /** The OS user this process acts for; the front doors put it in their Actor. */
    user,
    /** Why the data folder cannot be written, when it cannot (opened with whenReadOnly: 'open-read-only'). */
    readOnly,
    app,
    accounts,
    orders,
    cards,
    custody,
    handouts,
    quarantine,
    audit,
    secrets,
    settings,
    /** The passcode, the recovery key and the kit, while the store is open. */
    vault,
    /** Verified backups, by hand or daily. */
    backups,
    engine,
    balances,
    balanceEngine,
    providers,
    /** The integrity check begun at open: the named store-corruption error when the file is damaged, else null. */
    integrity,
    /** Stops the engine (state stays committed), the sandbox and the clients, then closes the store. */
    async close(): Promise<void> {
      await backups.stopSchedule();
      await balanceEngine.stop();
      await engine.stop();
      await writer.close();
      await providers.close();
      store.close();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
