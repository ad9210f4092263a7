import { isAppUrl } from './app-origin';

/**
 * Giftdesk needs two browser permissions, and only for its own pages: notifications (an order completed or needs
 * attention) and writing to the clipboard (copy a card, wiped again after 30 s). Everything else (camera,
 * clipboard-read, geolocation, HID, USB, serial, fullscreen…) is refused, and so is anything asked by another origin.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

function grantedToApp(permission: string, origin: string | undefined): boolean {
  // URL.origin is "null" for a custom scheme, so the app's own check of scheme and host decides.
  return APP_PERMISSIONS.has(permission) && origin !== undefined && isAppUrl(origin);
}

export function decidePermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
): void {
  callback(grantedToApp(permission, details?.requestingUrl));
}

export function decidePermissionCheck(_webContents: unknown, permission: string, requestingOrigin: string): boolean {
  return grantedToApp(permission, requestingOrigin);
}

/** For windows that show no app page at all (the hidden print window): nothing is granted. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export function denyDevicePermission(): boolean {
  return false;
}

/** Schemes a renderer request may use; http(s), ws(s), file and the rest are cancelled before they leave. */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['app:', 'data:', 'blob:', 'devtools:']);

export function isRequestAllowed(url: string): boolean {
  try {
    return ALLOWED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
