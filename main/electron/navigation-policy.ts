import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

/** The window may move between pages of the app itself (a reload, say), and nowhere else. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * No window is ever opened by web content. An allowlisted https link is handed to the user's browser instead, through
 * `openExternal`, which is injected so the decision can be tested without Electron.
 */
export function decideWindowOpen(details: Pick<HandlerDetails, 'url'>, openExternal: (url: string) => void): WindowOpenHandlerResponse {
  if (isAllowedExternalUrl(details.url)) openExternal(details.url);
  return { action: 'deny' };
}
