import { GiftdeskError } from '../errors';

// Every way the store can refuse to open. None of them deletes, rewrites or recreates the database file.

/**
 * What a refused open left behind, said exactly. After a crash that left a -wal, SQLite reads the database through
 * it, and to do so rebuilds its index of that log (-shm) before the first page is decrypted.
 */
export function leftAsItWas(walExisted: boolean): string {
  return walExisted
    ? 'The database and its write-ahead log (-wal) were left exactly as they were; only SQLite’s index of that log (-shm), ' +
        'which SQLite rebuilds whenever it opens the file and which holds no data of its own, was rewritten.'
    : 'The file was left exactly as it was.';
}

export class StoreKeyRejected extends GiftdeskError {
  readonly kind = 'store-key-rejected';
  constructor(path: string, left = leftAsItWas(false), cause?: unknown) {
    super(
      `The card store at ${path} cannot be read with the key in the system keychain: either the key is wrong ` +
        `or the file is not a Giftdesk database. ${left} Restore the matching keychain entry or the file from a backup.`,
      { cause },
    );
  }
}

export class StoreCorrupt extends GiftdeskError {
  readonly kind = 'store-corrupt';
  constructor(path: string, detail: string, left = leftAsItWas(false), cause?: unknown) {
    super(`The card store at ${path} is damaged (${detail}). ${left} Restore it from a backup before going on.`, { cause });
  }
}

export class StoreTooNew extends GiftdeskError {
  readonly kind = 'store-too-new';
  constructor(
    path: string,
    readonly databaseVersion: number,
    readonly appVersion: number,
    left = leftAsItWas(false),
  ) {
    super(
      `The card store at ${path} has schema version ${databaseVersion}, but this Giftdesk only knows up to version ${appVersion}. ` +
        `It was written by a newer Giftdesk: update the app instead of opening it with this one. ${left}`,
    );
  }
}

export class StoreKeyMissing extends GiftdeskError {
  readonly kind = 'store-key-missing';
  constructor(path: string, detail: string) {
    super(
      `The card store at ${path} cannot be opened: ${detail}. Giftdesk will not create a new store over an existing one; ` +
        'restore the keychain entry (or store.json) from a backup, or choose another data folder.',
    );
  }
}

export class StoreMissing extends GiftdeskError {
  readonly kind = 'store-missing';
  constructor(path: string) {
    super(
      `The card store at ${path} is missing although this data folder was set up before (store.json is there). ` +
        'Restore the file from a backup; to start an empty store instead, remove store.json first.',
    );
  }
}
