import { app, dialog, powerMonitor, protocol, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { createCore } from '../core/create-core';
import { createKeytarKeychain } from '../core/secrets/keytar-keychain';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';
import { serveAppRequest } from './app-protocol';
import { createAutoLock } from './auto-lock';
import { startAutoLockMonitor } from './auto-lock-monitor';
import { resolveDataDir } from './data-dir';
import { openAllowedExternal } from './open-external';
import { applySessionPolicies } from './session-policy';
import type { ShellContext } from './shell-context';
import { applyWebContentsPolicies } from './web-contents-policy';
import { createMainWindow } from './window';

export const DEFAULT_IDLE_LIMIT_MS = 5 * 60_000;

export interface RunAppOptions {
  /** Registers the IPC handlers; called once, before the window loads, so no call can arrive unanswered. */
  registerIpc?: (shell: ShellContext) => void;
}

/** A worker thread cannot start from inside the asar archive; its file is unpacked beside it. */
function unpacked(file: string): string {
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/** One app instance, one window. Main's bundle sits in <app>/main, the renderer files in <app>/renderer. */
export async function runApp(options: RunAppOptions = {}): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | undefined;
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

  const core = await createCore({
    dataDir: resolveDataDir(process.env, app.getPath('userData')),
    keychain: createKeytarKeychain(),
    label: 'the Giftdesk desktop app',
    // The passcode screen is not wired yet: until it is, every question is left unanswered, so the store stays shut
    // (UnlockCancelled, shown by failStartup) rather than opening without a passcode.
    unlock: { ask: async () => null, showRecoveryKey: async () => {} },
    // Worker threads are bundled beside main (scripts/build.mjs) and unpacked from the asar (electron-builder.yml).
    workers: {
      cardWriter: { file: unpacked(path.join(__dirname, 'card-writer.cjs')) },
      cardJob: { file: unpacked(path.join(__dirname, 'card-worker.cjs')) },
      backup: { file: unpacked(path.join(__dirname, 'backup-worker.cjs')) },
    },
  });
  const idleMinutes = core.app.settings.lockIdleMinutes({ via: 'desktop', user: core.user });
  const autoLock = createAutoLock({
    idleLimitMs: idleMinutes ? idleMinutes * 60_000 : DEFAULT_IDLE_LIMIT_MS,
    idleMs: () => powerMonitor.getSystemIdleTime() * 1000,
  });
  const stopMonitor = startAutoLockMonitor(autoLock, powerMonitor);
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Let the engine stop and the writer thread finish its transaction before the process goes.
    event.preventDefault();
    stopMonitor();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  options.registerIpc?.({
    core,
    autoLock,
    mainWindow: () => mainWindow,
    expectedSender: () => ({ webContentsId: mainWindow?.webContents.id, origin: APP_ORIGIN }),
  });
  mainWindow = await createMainWindow(path.join(__dirname, 'preload.cjs'), app.isPackaged);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

/** Startup failures (no keychain, a store it cannot open) are shown to the user, not just logged, then the app exits. */
export function failStartup(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (app.isReady()) dialog.showErrorBox('Giftdesk cannot start', message);
  else console.error(message);
  app.exit(1);
}
