import type { Clock } from '../clock';
import type { OrderEngine } from '../engine/engine-api';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { AccountSecrets } from '../secrets/account-secrets';
import type { AccountsRepo } from '../store/repos/accounts';
import type { AuditLog } from '../store/repos/audit';
import type { CardsRepo } from '../store/repos/cards';
import type { StoreCorrupt } from '../store/errors';
import type { OrdersRepo } from '../store/repos/orders';
import type { QuarantinedCardsRepo } from '../store/repos/quarantined-cards';
import type { SettingsRepo } from '../store/repos/settings';
import type { WorkerEntry } from '../workers/worker-entry';

/** What the application layer's commands work with; the composition root (create-core.ts) builds it. */
export interface AppDeps {
  clock: Clock;
  /** One write transaction: a command's change and its audit entry commit together or not at all. */
  transaction<T>(fn: () => T): T;
  accounts: AccountsRepo;
  orders: OrdersRepo;
  cards: CardsRepo;
  /** Cards that came with an order but are not its own. */
  quarantine: QuarantinedCardsRepo;
  audit: AuditLog;
  settings: SettingsRepo;
  secrets: AccountSecrets;
  engine: OrderEngine;
  providers: Pick<ProviderRegistry, 'clientFor' | 'catalogFor' | 'suggestedSkus' | 'forget'>;
  /** The integrity check begun when the store opened (run on the card writer's thread). */
  integrity: Promise<StoreCorrupt | null>;
  /** The worker thread that renders sheets and encrypts card files. */
  cardJobWorker: WorkerEntry;
}
