import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** The schema version this migration produces: 1, 2, 3… without gaps. */
  version: number;
  name: string;
  up(db: Database): void;
}
