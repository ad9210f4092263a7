import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/contract';
import { fail, type Envelope } from '../../shared/ipc/envelope';
import type { AppCore, AppLock, AppOutputs } from '../core/app-api/app-core';
import { dispatch } from '../core/app-api/dispatch';
import { watchAppEvents } from '../core/app-api/events';
import type { AutoLock } from './auto-lock';
import { isTrustedSender, type TrustedSenderExpectation } from './ipc-sender';
import type { ShellContext } from './shell-context';

export interface IpcRegistration {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: AppCore;
  /** The app window as it is now (it can be recreated), for the sender check. */
  expected: () => TrustedSenderExpectation;
  /** Pushes an event to the app window. */
  send: (channel: typeof EVENT_CHANNEL, event: AppEvent) => void;
  lock?: AutoLock;
  /** The person's proof for unlocking (see registerAppIpc). */
  verifyUnlock?: () => Promise<boolean>;
  /** Dialogs, printing and preview windows: the desktop shell's, or a test's stand-in. */
  outputs?: AppOutputs;
}

/**
 * Registers every contract channel, explicitly (never as an import side effect). Each call is refused unless it comes
 * from the app window's main frame; everything after that is main's one dispatch. Returns the function that undoes it.
 */
export function registerIpc(r: IpcRegistration): () => void {
  const appLock = r.lock ? toAppLock(r.lock, r.verifyUnlock ?? (async () => false)) : null;
  for (const channel of CHANNELS) {
    r.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, r.expected())) {
        return fail({ kind: 'untrusted-sender', message: 'This request did not come from the Giftdesk window and was refused.' });
      }
      return dispatch(channel, payload, { core: r.core, ...(appLock ? { lock: appLock } : {}), ...(r.outputs ? { outputs: r.outputs } : {}) });
    });
  }
  const stopEvents = watchAppEvents(r.core, (e) => r.send(EVENT_CHANNEL, e));
  const stopLock = r.lock?.subscribe((e) => r.send(EVENT_CHANNEL, { name: 'lock.state', payload: { locked: e.state === 'locked' } }));
  return () => {
    for (const channel of CHANNELS) r.ipcMain.removeHandler(channel);
    stopEvents();
    stopLock?.();
  };
}

/**
 * The shell's hook (`runApp({ registerIpc: (shell) => registerAppIpc(shell, ipcMain, desktopOutputs(shell)) })`): events
 * go to the app window while it exists, and nowhere otherwise.
 */
export function registerAppIpc(shell: ShellContext, ipcMain: IpcRegistration['ipcMain'], outputs?: AppOutputs): () => void {
  return registerIpc({
    ipcMain,
    core: shell.core,
    expected: () => shell.expectedSender(),
    send: (channel, event) => {
      const win = shell.mainWindow();
      if (win && !win.isDestroyed()) win.webContents.send(channel, event);
    },
    lock: shell.autoLock,
    // Until the app has a passcode of its own, asking is the proof: the lock hides card data from a glance at an
    // idle or just-woken screen, and the OS session (which locks with the screen) stands guard over the machine.
    verifyUnlock: async () => true,
    ...(outputs ? { outputs } : {}),
  });
}

export function toAppLock(lock: AutoLock, verify: () => Promise<boolean>): AppLock {
  return {
    get locked() {
      return lock.state === 'locked';
    },
    get idleMinutes() {
      return Math.round(lock.idleLimitMs / 60_000);
    },
    setIdleMinutes: (minutes) => lock.setIdleLimit(minutes * 60_000),
    lock: () => lock.lock('manual'),
    unlock: () => lock.unlock(verify),
  };
}
