import type { BrowserWindow } from 'electron';
import type { QuickUnlock } from '../core/app/lock/app-lock';
import type { Core } from '../core/create-core';
import type { AutoLock } from './auto-lock';
import type { TrustedSenderExpectation } from './ipc-sender';
import type { StartGate } from './start/start-gate';

/** What the IPC registration receives from the shell: the core (once open), the lock, the start's dialogue, who may call. */
export interface ShellContext {
  /** The core once the store is open; null while the passcode screen is up. */
  core(): Core | null;
  readonly autoLock: AutoLock;
  readonly start: StartGate;
  readonly quickUnlock: QuickUnlock | null;
  mainWindow(): BrowserWindow | undefined;
  /** Who may call: the sender check's expectation, read on every call. */
  expectedSender(): TrustedSenderExpectation;
}
