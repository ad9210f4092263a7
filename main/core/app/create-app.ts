import type { StoreCorrupt } from '../store/errors';
import { accountCommands } from './accounts';
import type { AppDeps } from './app-deps';
import { auditQueries } from './audit';
import { cardCommands } from './cards';
import { lockCommands } from './lock';
import { orderCommands } from './orders';
import { outputCommands } from './outputs';
import { settingsCommands } from './settings';

/**
 * The application layer: every act a person can do, as one command taking the actor first. The desktop app's IPC
 * handlers and the CLI's commands both call these and nothing below them; a new subject (custody, vault, balances,
 * reports) is one more folder here and one more line below.
 */
export function createApp(deps: AppDeps) {
  return {
    accounts: accountCommands(deps),
    orders: orderCommands(deps),
    cards: cardCommands(deps),
    outputs: outputCommands(deps),
    lock: lockCommands(deps),
    settings: settingsCommands(deps),
    audit: auditQueries(deps),
    /** The integrity check begun when the store opened: the named store-corruption error when damaged, else null. */
    integrity: (): Promise<StoreCorrupt | null> => deps.integrity,
  };
}

export type App = ReturnType<typeof createApp>;
