import { shell } from 'electron';
import { isAllowedExternalUrl } from './external-links';

/** The only way the app opens anything outside itself: allowlisted https links, in the user's browser. */
export function openAllowedExternal(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  // The URL was just checked against the https allowlist above, so it cannot launch other protocol handlers.
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}
