import type { App } from '../../core/app/create-app';
import type { AppLock } from '../../core/app/lock/app-lock';
import type { SheetViewer } from '../../core/app/outputs/sheets';
import type { Actor } from '../../core/audit/vocabulary';

/** What only the desktop shell can do with a file: ask where to save it, show it, print it. Paths stay in main. */
export interface DesktopOutputs extends SheetViewer {
  /** The path the person chose, or null when they cancelled. */
  chooseSavePath(what: { title: string; suggestedName: string; extension: string }): Promise<string | null>;
}

/** What every IPC handler is given besides its parsed request. */
export interface IpcContext {
  app: App;
  /** The desktop app and the OS user running it. */
  actor: Actor;
  /** The shell's auto-lock; null where nothing locks. */
  lock: AppLock | null;
  /** Dialogs, printing and preview windows; null where there is no shell (then those channels refuse). */
  outputs: DesktopOutputs | null;
}
