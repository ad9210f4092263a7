import { leftAsItWas, StoreCorrupt } from '../store/errors';
import { DATABASE_FILE } from '../store/open-store';

/**
 * SQLite's own error for a damaged page read after the store opened, as the named store-corruption error: a person
 * is told the store is damaged and what to do, not "Unexpected error: database disk image is malformed". Both front
 * doors pass what a command threw through here; other errors are given back as they are.
 */
export function asStoreDamage(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return err;
  return new StoreCorrupt(DATABASE_FILE, 'a page read just now does not check out', leftAsItWas(false), err);
}
