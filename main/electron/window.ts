import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';
import { buildWindowOptions } from './window-options';

/** The one app window. Policies come from app 'web-contents-created', which runs before this returns. */
export async function createMainWindow(preloadPath: string, isPackaged: boolean): Promise<BrowserWindow> {
  // Electronegativity cannot see through buildWindowOptions() and reports contextIsolation, sandbox and Auxclick as
  // unset here. They are set there (contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick') and
  // test/electron/security-checklist.test.ts checks the options this call receives.
  const win = new BrowserWindow(buildWindowOptions({ preloadPath, isPackaged })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_START_URL);
  return win;
}
