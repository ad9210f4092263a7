import path from 'node:path';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { openReadOnly } from '../../main/core/store/open-database';

export interface StoreRows {
  orders: Record<string, unknown>[];
  cards: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

/** Every order, card and audit row of a store, read straight from its database, in id order. */
export function readRows(dataDir: string, key: string): StoreRows {
  const db = openReadOnly(path.join(dataDir, DATABASE_FILE), key);
  try {
    const all = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    return { orders: all('orders'), cards: all('cards'), events: all('events') };
  } finally {
    db.close();
  }
}
