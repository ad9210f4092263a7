import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  /** app.isPackaged: DevTools exist only in development builds. */
  isPackaged: boolean;
}

/**
 * The main window. Every web preference that matters for security is spelled out even where it is Electron's
 * default, so a default changing under us, or someone flipping one, shows up in review and in the tests.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Giftdesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      plugins: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in new windows behind our window-open handler's back.
      disableBlinkFeatures: 'Auxclick',
      // Linux's spellchecker downloads dictionaries from Google, and spellchecking reads what staff type.
      spellcheck: false,
      devTools: !input.isPackaged,
    },
  };
}
