import type { Event, WebContents } from 'electron';
import { decideWindowOpen, isNavigationAllowed } from './navigation-policy';

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), not just the main window's, so a
 * contents nobody planned for gets the same rules.
 */
export function applyWebContentsPolicies(contents: WebContents, openExternal: (url: string) => void): void {
  const refuseUnlessApp = (event: Event, url: string): void => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuseUnlessApp(event, url));
  contents.on('will-redirect', (event, url) => refuseUnlessApp(event, url));
  contents.setWindowOpenHandler((details) => decideWindowOpen(details, openExternal));
  // webviewTag is off, but a <webview> attach is refused here too in case a preference is ever flipped.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
