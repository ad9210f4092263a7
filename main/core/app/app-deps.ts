import type { Actor } from '../audit/vocabulary';
import type { BalanceEngine } from '../balances/balance-engine';
import type { BalanceTiming } from '../balances/balance-timing';
import type { BalancesRepo } from '../store/repos/balances';
import type { Clock } from '../clock';
import type { OrderEngine } from '../engine/engine-api';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { AccountSecrets } from '../secrets/account-secrets';
import type { AccountsRepo } from '../store/repos/accounts';
import type { AuditLog } from '../store/repos/audit';
import type { CardsRepo } from '../store/repos/cards';
import type { CustodyRepo } from '../store/repos/custody';
import type { HandoutsRepo } from '../store/repos/handouts';
import type { OrdersRepo } from '../store/repos/orders';
import type { OrderHistoryRepo } from '../store/repos/order-history';
import type { ReportsRepo } from '../store/repos/reports';
import type { ReadOnlyReason } from '../store/errors';
import type { StoreCorrupt } from '../store/errors';
import type { QuarantinedCardsRepo } from '../store/repos/quarantined-cards';
import type { SettingsRepo } from '../store/repos/settings';
import type { Backups } from '../vault/backup/backups';
import type { Vault } from '../vault/vault';
import type { Leftovers } from '../fs/leftovers';
import type { WorkerEntry } from '../workers/worker-entry';
import type { PasscodeEntry } from './vault/passcode-entry';

/** What the application layer's commands work with; the composition root (create-core.ts) builds it. */
export interface AppDeps {
  /** Set when the data folder cannot be written: only the commands that read are offered then (create-app.ts). */
  readOnly: { dataDir: string; why: ReadOnlyReason } | null;
  clock: Clock;
  /** Giftdesk acting on its own (the daily backup), for the OS user running this process. */
  systemActor: Actor;
  /** One write transaction: a command's change and its audit entry commit together or not at all. */
  transaction<T>(fn: () => T): T;
  accounts: AccountsRepo;
  orders: OrdersRepo;
  /** The order history's keyset pages and totals. */
  orderHistory: OrderHistoryRepo;
  cards: CardsRepo;
  custody: CustodyRepo;
  handouts: HandoutsRepo;
  /** Cards that came with an order but are not its own. */
  quarantine: QuarantinedCardsRepo;
  audit: AuditLog;
  /** The bookkeeper's reads: order lines by when they were placed or accepted. */
  reports: ReportsRepo;
  settings: SettingsRepo;
  secrets: AccountSecrets;
  engine: OrderEngine;
  providers: Pick<ProviderRegistry, 'clientFor' | 'catalogFor' | 'suggestedSkus' | 'forget' | 'probe'>;
  /** The integrity check begun when the store opened (run on the card writer's thread). */
  integrity: Promise<StoreCorrupt | null>;
  /** The worker thread that renders sheets and encrypts card files. */
  cardJobWorker: WorkerEntry;
  /** The open store's passcode and recovery key. */
  vault: Vault;
  /** Verified backups, by hand or daily. */
  backups: Backups;
  /** When the passcode was last typed, for the acts that ask for it again after five minutes. */
  passcodeEntry: PasscodeEntry;
  /** Notes of files that must not outlive a crash (card files being written, print folders). */
  leftovers: Leftovers;
  /** Balance sweeps, every answer, the persisted rate windows. */
  balances: BalancesRepo;
  /** Drives sweeps in the process holding the engine lease; follows them from any process. */
  balanceEngine: BalanceEngine;
  /** The rate window's length (and our margin on it), for the ETA. */
  balanceTiming: BalanceTiming;
}
