import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, EVENT_CHANNEL, type AppEvent, type Contract } from '../../shared/ipc/contract';
import { fail, type Envelope } from '../../shared/ipc/envelope';
import type { AppLock, QuickUnlock } from '../core/app/lock/app-lock';
import type { Core } from '../core/create-core';
import type { AutoLock } from './auto-lock';
import { createEventPush, type EventPush } from './ipc/event-push';
import { dispatch, toIpcError, type HandlersFor } from './ipc/dispatch';
import { handlers } from './ipc/handlers';
import { desktopContext, type DesktopOutputs } from './ipc/ipc-context';
import type { StartGate } from './start/start-gate';
import { trustedOnly, type TrustedSenderExpectation } from './ipc-sender';
import type { ShellContext } from './shell-context';

type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * Registers every channel of a contract, explicitly (never as an import side effect), each through the one sender
 * check (trustedOnly) and then the one dispatch, whose lock gate covers every channel but the lock's own. There
 * is no other way in: a channel added to the contract gets both without code of its own. Returns the undo.
 */
export function registerChannels<K extends Contract, Ctx extends { lock: AppLock | null }>(r: {
  ipcMain: IpcMainLike;
  contract: K;
  handlers: HandlersFor<K, Ctx>;
  context: Ctx;
  /** The app window as it is now (it can be recreated), for the sender check. */
  expected: () => TrustedSenderExpectation;
}): () => void {
  const names = Object.keys(r.contract);
  for (const channel of names) {
    const guarded = trustedOnly(channel, r.expected, (_event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(r.contract, r.handlers, channel, payload, r.context),
    );
    r.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
      try {
        return await guarded(event, payload);
      } catch (err) {
        return fail(toIpcError(err, channel));
      }
    });
  }
  return () => {
    for (const channel of names) r.ipcMain.removeHandler(channel);
  };
}

export interface IpcRegistration {
  ipcMain: IpcMainLike;
  /** The core once the store is open; null while the start's passcode screen is up. */
  core: () => Pick<Core, 'app' | 'user'> | null;
  expected: () => TrustedSenderExpectation;
  /** Pushes an event to the app window. */
  send: (channel: typeof EVENT_CHANNEL, event: AppEvent) => void;
  lock?: AutoLock;
  /** The passcode screen's dialogue while the store opens. */
  start?: StartGate;
  /** Touch ID, where the machine has it. */
  quickUnlock?: QuickUnlock | null;
  /** Dialogs, printing and preview windows: the desktop shell's, or a test's stand-in. */
  outputs?: DesktopOutputs;
}

/** The registration's event push (see event-push.ts), and its undo. */
export interface IpcHooks extends Omit<EventPush, 'stop'> {
  unregister(): void;
}

/**
 * The app's contract and handlers registered for the desktop app's window, before the store is open (the lock's
 * channels answer the passcode screen then, through the same sender check), and its events pushed to it.
 */
export function registerIpc(r: IpcRegistration): IpcHooks {
  const context = desktopContext({ core: r.core, lock: r.lock ? toAppLock(r.lock) : null, outputs: r.outputs, start: r.start, quickUnlock: r.quickUnlock });
  const unregister = registerChannels({ ipcMain: r.ipcMain, contract: channels, handlers, context, expected: r.expected });
  const push = createEventPush({ context, lock: r.lock, start: r.start, send: (event) => r.send(EVENT_CHANNEL, event) });
  return {
    storeOpened: push.storeOpened,
    emit: push.emit,
    unregister() {
      unregister();
      push.stop();
    },
  };
}

/**
 * The shell's hook (`runApp({ registerIpc: (shell) => registerAppIpc(shell, ipcMain, desktopOutputs(shell)) })`): events
 * go to the app window while it exists, and nowhere otherwise.
 */
export function registerAppIpc(shell: ShellContext, ipcMain: IpcMainLike, outputs?: DesktopOutputs): IpcHooks {
  return registerIpc({
    ipcMain,
    core: shell.core,
    expected: () => shell.expectedSender(),
    send: (channel, event) => {
      const win = shell.mainWindow();
      if (win && !win.isDestroyed()) win.webContents.send(channel, event);
    },
    lock: shell.autoLock,
    start: shell.start,
    quickUnlock: shell.quickUnlock,
    ...(outputs ? { outputs } : {}),
  });
}

/** The shell's auto-lock as the application layer sees it; unlocking takes the proof the application layer checks. */
export function toAppLock(lock: AutoLock): AppLock {
  return {
    get locked() {
      return lock.state === 'locked';
    },
    get idleMinutes() {
      return Math.round(lock.idleLimitMs / 60_000);
    },
    setIdleMinutes: (minutes) => lock.setIdleLimit(minutes * 60_000),
    lock: () => lock.lock('manual'),
    unlock: (verify) => lock.unlock(verify),
    assertUnlocked: () => lock.assertUnlocked(),
  };
}
