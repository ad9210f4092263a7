/**
 * The renderer's one origin. It is a privileged custom scheme served from the packaged files, so the app never
 * loads from file:// (which would share an origin with every local file) nor from http.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'giftdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for a well-formed URL on the app's own origin. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
