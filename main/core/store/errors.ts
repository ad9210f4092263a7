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
      `The card store at ${path} cannot be read with its key: either the file is not the database its store.json belongs to, ` +
        `or it is not a Giftdesk database. ${left} Restore the matching store.json or the file from a backup.`,
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

/**
 * Fencing: a write the engine made under a lease that is no longer this data folder's current one (the process
 * stalled, another took over). The store refuses it, so a process that lost the lease changes nothing.
 */
export class LeaseLost extends GiftdeskError {
  readonly kind = 'lease-lost';
  constructor() {
    super('This process no longer drives the orders of this data folder: another Giftdesk process took over while it was stalled, so it wrote nothing more and stopped.');
  }
}

export function isLeaseLost(err: unknown): boolean {
  return err instanceof GiftdeskError && err.kind === 'lease-lost';
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
      `The card store at ${path} cannot be opened: ${detail}. Its cards are encrypted with that key, and without it ` +
        'nobody can read them; the store was left exactly as it was, and Giftdesk will not replace it with a new one. ' +
        'What can bring it back: the keychain that holds its key (the same user on this computer; on a Linux machine ' +
        'without a desktop, the same keyring folder through scripts/headless-keyring.sh), or that keychain (or store.json) restored from a backup.',
    );
  }
}

export class StoreKeyMalformed extends GiftdeskError {
  readonly kind = 'store-key-malformed';
  constructor(path: string, storeId: string) {
    super(
      `The card store at ${path} cannot be opened: the system keychain's entry for store ${storeId} is malformed (it is not ` +
        'the 64-digit key Giftdesk wrote). The file was left exactly as it was; restore the keychain entry from a backup.',
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

export class StoreIdentityInvalid extends GiftdeskError {
  readonly kind = 'store-identity-invalid';
  constructor(file: string) {
    super(`${file} is not a valid Giftdesk store identity; it was left as it is. Restore it from a backup.`);
  }
}

// The data folder itself: where it is not a folder, or cannot be written. Each names the folder and what to do, and
// carries the field `data-dir`, so the CLI says it as bad input (exit 2) on one line.

export class DataFolderNotAFolder extends GiftdeskError {
  readonly kind = 'data-folder-not-a-folder';
  constructor(dataDir: string, file: string) {
    super(
      `The data folder ${dataDir} cannot be used: ${file === dataDir ? 'it is a file' : `${file} is a file`}, not a folder. ` +
        'Move that file away, or choose another data folder (--data-dir, or GIFTDESK_DATA_DIR).',
      { field: 'data-dir' },
    );
  }
}

export class DataFolderNotWritable extends GiftdeskError {
  readonly kind = 'data-folder-not-writable';
  constructor(dataDir: string, why: ReadOnlyReason) {
    super(
      `Giftdesk cannot make its card store in ${dataDir}: ${why.text}. ${why.remedy}, or choose another data folder (--data-dir, or GIFTDESK_DATA_DIR).`,
      { field: 'data-dir' },
    );
  }
}

export class StoreReadOnly extends GiftdeskError {
  readonly kind = 'store-read-only';
  constructor(dataDir: string, why: ReadOnlyReason, needs = 'this command writes to it') {
    super(
      `The data folder ${dataDir} is read-only (${why.text}): Giftdesk can show what it holds, but ${needs}, so nothing was done. ` +
        `${why.remedy} to change anything.`,
      { field: 'data-dir' },
    );
  }
}

/** Why a data folder cannot be written, and what a person does about it. */
export interface ReadOnlyReason {
  /** "you have no write permission on it" */
  text: string;
  /** "Give your user write permission on it (chmod -R u+w "DIR")" */
  remedy: string;
}
