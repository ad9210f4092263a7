import { app, dialog, powerMonitor, protocol, session, type BrowserWindow } from 'electron';
import os from 'node:os';
import path from 'node:path';
import { restoreStore } from '../core/app/vault/restore-store';
import { createCore, type Core } from '../core/create-core';
import { createKeytarKeychain } from '../core/secrets/keytar-keychain';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';
import { serveAppRequest } from './app-protocol';
import { createAutoLock } from './auto-lock';
import { startAutoLockMonitor } from './auto-lock-monitor';
import { resolveDataDir } from './data-dir';
import { openAllowedExternal } from './open-external';
import { applySessionPolicies } from './session-policy';
import type { IpcHooks } from './ipc-register';
import type { ShellContext } from './shell-context';
import { storeOpened } from './start/store-opened';
import { openThroughGate } from './start/open-through-gate';
import { createStartGate } from './start/start-gate';
import { touchIdUnlock } from './touch-id';
import { applyWebContentsPolicies } from './web-contents-policy';
import { createMainWindow } from './window';

export const DEFAULT_IDLE_LIMIT_MS = 5 * 60_000;

export interface RunAppOptions {
  /**
   * Registers the IPC handlers; called once, before the window loads and before the store is open, so no call can
   * arrive unanswered (the passcode screen's channels answer at once; every other one is refused until unlocked).
   */
  registerIpc?: (shell: ShellContext) => IpcHooks;
}

/** A worker thread cannot start from inside the asar archive; its file is unpacked beside it. */
function unpacked(file: string): string {
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/**
 * One app instance, one window. Main's bundle sits in <app>/main, the renderer files in <app>/renderer. The window
 * opens on the passcode screen; the store opens only once the person has answered it (or restored a backup), and
 * only then is the app unlocked.
 */
export async function runApp(options: RunAppOptions = {}): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | undefined;
  let core: Core | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => applyWebContentsPolicies(contents, openAllowedExternal));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  applySessionPolicies(session.defaultSession);
  const rendererDir = path.join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));

  const autoLock = createAutoLock({ idleLimitMs: DEFAULT_IDLE_LIMIT_MS, idleMs: () => powerMonitor.getSystemIdleTime() * 1000, initialState: 'locked' });
  const start = createStartGate();
  let stopMonitor = () => {};
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    // Let the engine stop and the writer thread finish its transaction before the process goes.
    event.preventDefault();
    stopMonitor();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  const ipc = options.registerIpc?.({
    core: () => core,
    autoLock,
    start,
    quickUnlock: touchIdUnlock(),
    mainWindow: () => mainWindow,
    expectedSender: () => ({ webContentsId: mainWindow?.webContents.id, origin: APP_ORIGIN }),
  });
  mainWindow = await createMainWindow(path.join(__dirname, 'preload.cjs'), app.isPackaged);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });

  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  const keychain = createKeytarKeychain();
  const user = os.userInfo().username;
  core = await openThroughGate({
    gate: start,
    open: () =>
      createCore({
        dataDir,
        keychain,
        user,
        label: 'the Giftdesk desktop app',
        unlock: start.prompt,
        // Worker threads are bundled beside main (scripts/build.mjs) and unpacked from the asar (electron-builder.yml).
        workers: {
          cardWriter: { file: unpacked(path.join(__dirname, 'card-writer.cjs')) },
          cardJob: { file: unpacked(path.join(__dirname, 'card-worker.cjs')) },
          backup: { file: unpacked(path.join(__dirname, 'backup-worker.cjs')) },
        },
      }),
    restore: (file) => restoreStore({ via: 'desktop', user }, { file, dataDir, keychain, unlock: start.prompt }),
  });
  await storeOpened({ core, autoLock, start, push: ipc });
  stopMonitor = startAutoLockMonitor(autoLock, powerMonitor);
}

/** Startup failures (no keychain, a store it cannot open) are shown to the user, not just logged, then the app exits. */
export function failStartup(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (app.isReady()) dialog.showErrorBox('Giftdesk cannot start', message);
  else console.error(message);
  app.exit(1);
}
