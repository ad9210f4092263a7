import type { Core } from '../create-core';

/** What the app's handlers need from the core: the stores, the secrets, the engine and a client per account. */
export type AppCore = Pick<
  Core,
  'accounts' | 'orders' | 'cards' | 'audit' | 'secrets' | 'settings' | 'clock' | 'db' | 'engine' | 'providerFor' | 'cardJobWorker'
> & {
  /** Drops a provider client built with an account's old key or settings. */
  providers: Pick<Core['providers'], 'forget'>;
};

/** The app lock as handlers see it (main's auto-lock in the app; absent where nothing locks, e.g. the CLI). */
export interface AppLock {
  readonly locked: boolean;
  /** Minutes of no use after which card data is hidden. */
  readonly idleMinutes: number;
  setIdleMinutes(minutes: number): void;
  lock(): void;
  /** Resolves true once unlocked, false when the person's proof was refused. */
  unlock(): Promise<boolean>;
}

/**
 * What only the desktop shell can do with a file: ask where to save it, print it, show it. Paths stay in main; the
 * renderer learns only whether it happened.
 */
export interface AppOutputs {
  /** The path the person chose, or null when they cancelled. */
  chooseSavePath(what: { title: string; suggestedName: string; extension: string }): Promise<string | null>;
  print(pdfPath: string): Promise<{ done: boolean; reason: string | null }>;
  /** Shows the PDF in a window of its own; resolves once the window has the file loaded. */
  preview(pdfPath: string, title: string): Promise<void>;
}

export interface AppContext {
  core: AppCore;
  lock?: AppLock;
  outputs?: AppOutputs;
}
