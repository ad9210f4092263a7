import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, EVENT_CHANNEL, type AppEvent, type Contract } from '../../shared/ipc/contract';
import { fail, type Envelope } from '../../shared/ipc/envelope';
import type { AppLock } from '../core/app/lock/app-lock';
import type { Core } from '../core/create-core';
import type { AutoLock } from './auto-lock';
import { watchAppEvents } from './ipc/app-events';
import { dispatch, toIpcError, type HandlersFor } from './ipc/dispatch';
import { handlers } from './ipc/handlers';
import type { DesktopOutputs, IpcContext } from './ipc/ipc-context';
import { trustedOnly, type TrustedSenderExpectation } from './ipc-sender';
import type { ShellContext } from './shell-context';

type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * Registers every channel of a contract, explicitly (never as an import side effect), each through the one sender
 * check (trustedOnly) and then the one dispatch, whose lock gate covers every channel that declares card data. There
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
  core: Pick<Core, 'app' | 'user'>;
  expected: () => TrustedSenderExpectation;
  /** Pushes an event to the app window. */
  send: (channel: typeof EVENT_CHANNEL, event: AppEvent) => void;
  lock?: AutoLock;
  /** The person's proof for unlocking (see registerAppIpc). */
  verifyUnlock?: () => Promise<boolean>;
  /** Dialogs, printing and preview windows: the desktop shell's, or a test's stand-in. */
  outputs?: DesktopOutputs;
}

/** The app's contract and handlers registered for the desktop app's window, and its events pushed to it. */
export function registerIpc(r: IpcRegistration): () => void {
  const context: IpcContext = {
    app: r.core.app,
    actor: { via: 'desktop', user: r.core.user },
    lock: r.lock ? toAppLock(r.lock, r.verifyUnlock ?? (async () => false)) : null,
    outputs: r.outputs ?? null,
  };
  const unregister = registerChannels({ ipcMain: r.ipcMain, contract: channels, handlers, context, expected: r.expected });
  const stopEvents = watchAppEvents(context.app, context.actor, (e) => r.send(EVENT_CHANNEL, e));
  const stopLock = r.lock?.subscribe((e) => r.send(EVENT_CHANNEL, { name: 'lock.state', payload: { locked: e.state === 'locked' } }));
  return () => {
    unregister();
    stopEvents();
    stopLock?.();
  };
}

/**
 * The shell's hook (`runApp({ registerIpc: (shell) => registerAppIpc(shell, ipcMain, desktopOutputs(shell)) })`): events
 * go to the app window while it exists, and nowhere otherwise.
 */
export function registerAppIpc(shell: ShellContext, ipcMain: IpcMainLike, outputs?: DesktopOutputs): () => void {
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
    assertUnlocked: () => lock.assertUnlocked(),
  };
}
