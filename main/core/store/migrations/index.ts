import { initialSchema } from './001-initial';
import { engineState } from './002-engine';
import type { Migration } from './types';

/** Every schema change, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, engineState];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
