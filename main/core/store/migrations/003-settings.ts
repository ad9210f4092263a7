import type { Migration } from './types';

export const settings: Migration = {
  version: 3,
  name: 'settings: small app preferences such as the auto-lock idle time',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
