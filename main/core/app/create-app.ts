import type { StoreCorrupt } from '../store/errors';
import { accountCommands } from './accounts';
import type { AppDeps } from './app-deps';
import { balanceCommands } from './balances';
import { auditQueries } from './audit';
import { cardCommands } from './cards';
import { custodyCommands } from './custody';
import { lockCommands } from './lock';
import { orderCommands } from './orders';
import { overviewQuery } from './overview';
import { outputCommands } from './outputs';
import { readOnlyApp, type ReadsOf } from './read-only';
import { reportCommands } from './reports';
import { settingsCommands } from './settings';
import { backupCommands, vaultCommands } from './vault';

function allCommands(deps: AppDeps) {
  return {
    accounts: accountCommands(deps),
    orders: orderCommands(deps),
    cards: cardCommands(deps),
    custody: custodyCommands(deps),
    outputs: outputCommands(deps),
    lock: lockCommands(deps),
    settings: settingsCommands(deps),
    audit: auditQueries(deps),
    reports: reportCommands(deps),
    vault: vaultCommands(deps),
    backups: backupCommands(deps),
    balances: balanceCommands(deps),
    overview: { get: overviewQuery(deps) },
  };
}

type Commands = ReturnType<typeof allCommands>;

export type App = ReturnType<typeof createApp>;

/** The commands that only read; on a read-only store the others refuse (read-only.ts). A new command is a write until listed here. */
const READS: ReadsOf<Commands> = {
  accounts: ['list', 'byName', 'testConnection', 'products', 'balance'],
  orders: ['review', 'checkLinesCsv', 'list', 'open', 'get', 'names', 'history', 'detail', 'progress', 'settled', 'accepted', 'onProgress'],
  cards: ['search', 'count', 'ofOrder'],
  outputs: ['checkLogo', 'sheetPlan'],
  lock: ['status'],
  settings: ['lockIdleMinutes', 'all'],
  audit: ['list', 'page'],
  reports: ['spend'],
  vault: ['status', 'assertRecentPasscode', 'confirmPasscode'],
  backups: ['status'],
  balances: ['progress', 'open', 'list', 'card', 'cardsOfSweep', 'handout', 'expiring', 'onChange'],
  custody: ['stock', 'checkRecipientsCsv', 'listHandouts', 'showHandout', 'history'],
  overview: ['get'],
};

/**
 * The application layer: every act a person can do, as one command taking the actor first. The desktop app's IPC
 * handlers and the CLI's commands both call these and nothing below them; a new subject (custody, vault, balances,
 * reports) is one more folder here and one more line below.
 */
export function createApp(deps: AppDeps) {
  const app = allCommands(deps);
  return {
    ...(deps.readOnly ? readOnlyApp(app, READS, deps.readOnly) : app),
    /** The integrity check begun when the store opened (it only reads): the named store-corruption error when damaged, else null. */
    integrity: (): Promise<StoreCorrupt | null> => deps.integrity,
  };
}
