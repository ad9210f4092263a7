/**
 * Giftdesk needs no browser permission at all: no camera, notifications, clipboard-read, geolocation, HID, USB,
 * serial, fullscreen... Every request and every check is refused, whoever asks.
 */
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
