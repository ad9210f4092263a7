import type { App } from '../../core/app/create-app';
import type { AppLock, QuickUnlock } from '../../core/app/lock/app-lock';
import type { SheetViewer } from '../../core/app/outputs/sheets';
import type { Actor } from '../../core/audit/vocabulary';
import { GiftdeskError } from '../../core/errors';
import type { StartGate } from '../start/start-gate';
import { ChosenLogos } from './chosen-logos';
import { OutputJobs } from './output-jobs';

/** What only the desktop shell can do with a file: ask where to save it, which to open, show it, print it. Paths stay in main. */
export interface DesktopOutputs extends SheetViewer {
  /** The path the person chose, or null when they cancelled. */
  chooseSavePath(what: { title: string; suggestedName: string; extension: string }): Promise<string | null>;
  /** A file to open (a backup to restore, a logo), of one of the extensions, or null. */
  chooseOpenPath(what: { title: string; extension: string | readonly string[] }): Promise<string | null>;
  /** A folder (for daily backups), or null. */
  chooseFolder(what: { title: string }): Promise<string | null>;
}

/** What every IPC handler is given besides its parsed request. */
export interface IpcContext {
  /** The application layer; reading it before the store is open throws StoreNotOpen (the lock gate stops that first). */
  readonly app: App;
  /** The desktop app and the OS user running it. */
  readonly actor: Actor;
  /** Whether the store is open (the start is over). */
  readonly opened: boolean;
  /** The shell's auto-lock; null where nothing locks. */
  lock: AppLock | null;
  /** Dialogs, printing and preview windows; null where there is no shell (then those channels refuse). */
  outputs: DesktopOutputs | null;
  /** The passcode screen's dialogue while the store opens at start; null where the core was opened without one. */
  start: StartGate | null;
  /** Touch ID, where the machine has it. */
  quickUnlock: QuickUnlock | null;
  /** The logos chosen for card sheets in this window's session, by the id the window was given. */
  readonly logos: ChosenLogos;
  /** The sheets and card files being made for this window, to follow and cancel. */
  readonly jobs: OutputJobs;
}

export class StoreNotOpen extends GiftdeskError {
  readonly kind = 'store-not-open';
  constructor() {
    super('The card store is not open yet: type the passcode first.');
  }
}

/** The context of a desktop session: its core is there once the start is over, and every handler reads it then. */
export function desktopContext(options: {
  core: () => { app: App; user: string } | null;
  lock: AppLock | null;
  outputs?: DesktopOutputs | null;
  start?: StartGate | null;
  quickUnlock?: QuickUnlock | null;
}): IpcContext {
  const core = () => {
    const c = options.core();
    if (!c) throw new StoreNotOpen();
    return c;
  };
  return {
    get app() {
      return core().app;
    },
    get actor(): Actor {
      return { via: 'desktop', user: core().user };
    },
    get opened() {
      return options.core() !== null;
    },
    lock: options.lock,
    outputs: options.outputs ?? null,
    start: options.start ?? null,
    quickUnlock: options.quickUnlock ?? null,
    logos: new ChosenLogos(),
    jobs: new OutputJobs(),
  };
}
