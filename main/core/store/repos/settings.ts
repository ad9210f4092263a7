import type { Db } from '../open-database';

/** App preferences, kept in the encrypted store with everything else. Values are JSON; nothing secret goes here. */
export function createSettingsRepo(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get<T>(key: string): T | null {
      const row = read.get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    set(key: string, value: unknown): void {
      write.run(key, JSON.stringify(value));
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
