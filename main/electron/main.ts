import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { createKeytarKeychain } from '../core/secrets/keytar-keychain';

// The Electron shell stays thin: it makes the window and hands everything else to the core.

let core: Core | undefined;

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const dataDir = process.env.GIFTDESK_DATA_DIR ? path.resolve(process.env.GIFTDESK_DATA_DIR) : app.getPath('userData');
  core = await createCore({ dataDir, keychain: createKeytarKeychain() });
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Giftdesk',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  await win.loadFile(path.join(__dirname, '..', 'renderer', 'index.html'));
}

app.on('window-all-closed', () => {
  core?.close();
  app.quit();
});

start().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  app.exit(1);
});
