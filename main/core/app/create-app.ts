import { accountCommands } from './accounts';
import type { AppDeps } from './app-deps';
import { balanceCommands } from './balances';
import { auditQueries } from './audit';
import { cardCommands } from './cards';
import { custodyCommands } from './custody';
import { lockCommands } from './lock';
import { orderCommands } from './orders';
import { outputCommands } from './outputs';
import { readOnlyApp, type ReadsOf } from './read-only';
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
    vault: vaultCommands(deps),
    backups: backupCommands(deps),
    balances: balanceCommands(deps),
  };
}

export type App = ReturnType<typeof allCommands>;

/** The commands that only read; on a read-only store the others refuse (read-only.ts). A new command is a write until listed here. */
const READS: ReadsOf<App> = {
  accounts: ['list', 'byName', 'testConnection', 'products'],
  orders: ['review', 'checkLinesCsv', 'list', 'open', 'get', 'progress', 'settled', 'accepted', 'onProgress'],
  cards: ['search', 'count', 'ofOrder'],
  outputs: ['checkLogo'],
  lock: ['status'],
  settings: ['lockIdleMinutes'],
  audit: ['list'],
  vault: ['status', 'assertRecentPasscode', 'confirmPasscode'],
  backups: ['status'],
  balances: ['progress', 'open', 'list', 'card', 'cardsOfSweep', 'handout', 'expiring', 'onChange'],
  custody: ['stock', 'checkRecipientsCsv', 'listHandouts', 'showHandout', 'history'],
};

/**
 * The application layer: every act a person can do, as one command taking the actor first. The desktop app's IPC
 * handlers and the CLI's commands both call these and nothing below them; a new subject (custody, vault, balances,
 * reports) is one more folder here and one more line below.
 */
export function createApp(deps: AppDeps): App {
  const app = allCommands(deps);
  return deps.readOnly ? readOnlyApp(app, READS, deps.readOnly) : app;
}
