import { initialSchema } from './001-initial';
import { engineState } from './002-engine';
import { settings } from './003-settings';
import { auditActor } from './004-audit-actor';
import { custody } from './005-custody';
import { cardChecks } from './006-card-checks';
import { balances } from './007-balances';
import { orderNames } from './008-order-names';
import { cardSort } from './009-card-sort';
import { auditOrderIndex } from './010-audit-order-index';
import type { Migration } from './types';

/** Every schema change, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, engineState, settings, auditActor, custody, cardChecks, balances, orderNames, cardSort, auditOrderIndex];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
