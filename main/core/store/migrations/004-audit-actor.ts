import type { Migration } from './types';

export const auditActor: Migration = {
  version: 4,
  name: 'audit events record the front door (desktop, cli, engine, system) and the OS user of every new entry',
  up(db) {
    // Older entries keep what they were written with (the log is append-only): both columns stay empty there, and the
    // entry is translated into the vocabulary when read (core/audit/legacy-entries.ts).
    db.exec(`
      ALTER TABLE events ADD COLUMN via TEXT CHECK (via IN ('desktop', 'cli', 'engine', 'system'));
      ALTER TABLE events ADD COLUMN os_user TEXT;
    `);
  },
};
