import type { Session } from 'electron';
import { cspResponseFor } from './csp';
import { decidePermissionCheck, decidePermissionRequest, denyDevicePermission, isRequestAllowed } from './permission-policy';

/**
 * Locks down a session: no permissions, no network from the renderer (main talks to the providers through Node,
 * not through this session), and our CSP on every response.
 */
export function applySessionPolicies(session: Session): void {
  session.setPermissionRequestHandler(decidePermissionRequest);
  session.setPermissionCheckHandler(decidePermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.setDisplayMediaRequestHandler(null);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback(cspResponseFor(details.url, details.responseHeaders));
  });
}
