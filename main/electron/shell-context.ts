import type { BrowserWindow } from 'electron';
import type { Core } from '../core/create-core';
import type { AutoLock } from './auto-lock';
import type { TrustedSenderExpectation } from './ipc-sender';

/** What the IPC registration receives from the shell: the core, the lock, and who may call. */
export interface ShellContext {
  readonly core: Core;
  readonly autoLock: AutoLock;
  mainWindow(): BrowserWindow | undefined;
  /** Who may call: the sender check's expectation, read on every call. */
  expectedSender(): TrustedSenderExpectation;
}
