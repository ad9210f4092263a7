import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_START_URL } from '../../main/electron/app-origin';
import { PRIVILEGED_SCHEMES } from '../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/csp';
import { applySessionPolicies } from '../../main/electron/session-policy';
import { applyWebContentsPolicies } from '../../main/electron/web-contents-policy';
import { buildWindowOptions } from '../../main/electron/window-options';
import { effectiveSources, FETCH_DIRECTIVES, parseCsp } from '../support/parse-csp';

// One test per applicable item of https://www.electronjs.org/docs/latest/tutorial/security, built from what the
// shell really uses. Covered elsewhere: 17 (IPC senders) in ipc-sender.test.ts, 18 (custom protocol instead of
// file://) also in app-protocol.test.ts, 19 (fuses) in electron-builder-config.test.ts, 20 (no Electron APIs in the
// renderer) in preload.test.ts. 16 (a current Electron) is a dependency-update matter, not a property of this code.

type Listener = (...args: never[]) => unknown;

/** Records what the shell registers on a session, so the registered handlers themselves can be called. */
function recordingSession() {
  const handlers: Record<string, Listener | null> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener | null) => (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener | null) => (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener | null) => (handlers.devicePermission = h),
    setDisplayMediaRequestHandler: (h: Listener | null) => (handlers.displayMedia = h),
    webRequest: {
      onBeforeRequest: (h: Listener | null) => (handlers.beforeRequest = h),
      onHeadersReceived: (h: Listener | null) => (handlers.headersReceived = h),
    },
  };
  applySessionPolicies(session as unknown as Session);
  return handlers;
}

function call<T>(handler: Listener | null | undefined, ...args: unknown[]): T {
  if (!handler) throw new Error('handler not registered');
  return (handler as (...a: unknown[]) => T)(...args);
}

/** A WebContents stand-in: an event emitter plus the window-open handler slot. */
class RecordingContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  /** Emits like Electron does and reports whether a listener called preventDefault(). */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

function policedContents() {
  const opened: string[] = [];
  const contents = new RecordingContents();
  applyWebContentsPolicies(contents as unknown as WebContents, (url) => opened.push(url));
  return { contents, opened };
}

const prefs = (isPackaged: boolean) => {
  const p = buildWindowOptions({ preloadPath: '/app/main/preload.cjs', isPackaged }).webPreferences;
  if (!p) throw new Error('no webPreferences');
  return p;
};

describe("Electron's security checklist, on the shell's real window options, session and policies", () => {
  it('1. loads only its own packaged content over a secure custom scheme, and the renderer cannot reach the network', () => {
    expect(new URL(APP_START_URL).protocol).toBe('app:');
    const scheme = PRIVILEGED_SCHEMES.find((s) => s.scheme === 'app');
    expect(scheme?.privileges.secure).toBe(true);
    expect(scheme?.privileges.bypassCSP).toBe(false);
    const h = recordingSession();
    for (const url of ['http://example.com/x.js', 'https://example.com/', 'ws://127.0.0.1:9/', 'wss://x.test/', 'file:///etc/passwd', 'ftp://x.test/']) {
      let response: { cancel?: boolean } = {};
      call(h.beforeRequest, { url }, (r: { cancel?: boolean }) => (response = r));
      expect(response.cancel, url).toBe(true);
    }
    let ours: { cancel?: boolean } = {};
    call(h.beforeRequest, { url: `${APP_ORIGIN}/assets/index.js` }, (r: { cancel?: boolean }) => (ours = r));
    expect(ours.cancel).toBe(false);
  });

  it('2-4. Node integration off everywhere, context isolation and the sandbox on', () => {
    const p = prefs(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).toBe(false);
    expect(p.nodeIntegrationInSubFrames).toBe(false);
    expect(p.contextIsolation).toBe(true);
    expect(p.sandbox).toBe(true);
  });

  it('5. every permission is refused but notifications and clipboard writes for the app itself; devices always', () => {
    const h = recordingSession();
    const request = (permission: string, requestingUrl: string) => {
      const answers: boolean[] = [];
      call(h.permissionRequest, {}, permission, (granted: boolean) => answers.push(granted), { requestingUrl });
      return answers;
    };
    const refused = ['clipboard-read', 'display-capture', 'fullscreen', 'geolocation', 'media', 'openExternal', 'pointerLock', 'keyboardLock', 'fileSystem', 'window-management', 'unknown'];
    for (const permission of refused) expect(request(permission, `${APP_ORIGIN}/index.html`), permission).toEqual([false]);
    for (const permission of ['notifications', 'clipboard-sanitized-write']) {
      expect(request(permission, `${APP_ORIGIN}/index.html`), permission).toEqual([true]);
      expect(request(permission, 'https://evil.example/'), permission).toEqual([false]);
      expect(request(permission, 'file:///etc/passwd'), permission).toEqual([false]);
      expect(call(h.permissionCheck, null, permission, APP_ORIGIN, {}), permission).toBe(true);
      expect(call(h.permissionCheck, null, permission, 'https://evil.example', {}), permission).toBe(false);
    }
    for (const permission of ['clipboard-read', 'geolocation', 'hid', 'serial', 'usb', 'media']) {
      expect(call(h.permissionCheck, null, permission, APP_ORIGIN, {}), permission).toBe(false);
    }
    expect(call(h.devicePermission, { deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
    expect(h.displayMedia).toBeNull();
  });

  it('6, 8-10. web security on; no insecure content, experimental features or extra Blink features', () => {
    const p = prefs(true);
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).toBe(false);
    expect(p.experimentalFeatures).toBe(false);
    expect(p.enableBlinkFeatures).toBeUndefined();
    expect(p.disableBlinkFeatures).toContain('Auxclick');
    expect(p.plugins).toBe(false);
    expect(p.navigateOnDragDrop).toBe(false);
  });

  it('7. a strict CSP: own origin only, no eval or inline code, no plugins, base, framing or forms', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const directive of FETCH_DIRECTIVES) {
      const sources = effectiveSources(csp, directive) ?? [];
      for (const source of sources) {
        // 'self', 'none' and in-document data:/blob: images are local; any host, scheme wildcard or keyword is not.
        expect(["'self'", "'none'", 'data:', 'blob:'], `${directive} ${source}`).toContain(source);
      }
    }
    const all = [...csp.values()].flat();
    for (const unsafe of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:']) expect(all).not.toContain(unsafe);
    expect(effectiveSources(csp, 'script-src')).toEqual(["'self'"]);
    expect(effectiveSources(csp, 'style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('7. the CSP is sent as a response header on every response, replacing any looser one', () => {
    const h = recordingSession();
    let out: { responseHeaders?: Record<string, string[]> } = {};
    call(h.headersReceived, { url: 'app://giftdesk/index.html', responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } }, (r: typeof out) => (out = r));
    const headers = out.responseHeaders ?? {};
    const cspHeaders = Object.entries(headers).filter(([name]) => name.toLowerCase() === 'content-security-policy');
    expect(cspHeaders).toHaveLength(1);
    expect(parseCsp(cspHeaders[0]?.[1][0] ?? '')).toEqual(parseCsp(CONTENT_SECURITY_POLICY));
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it("7. leaves DevTools' own pages (development builds) under Chromium's policy", () => {
    const h = recordingSession();
    let out: { responseHeaders?: Record<string, string[]> } | undefined;
    call(h.headersReceived, { url: 'devtools://devtools/bundled/devtools_app.html', responseHeaders: { 'Content-Security-Policy': ['chromium'] } }, (r: typeof out) => (out = r));
    expect(out).toEqual({});
  });

  it('11-12. no <webview> tag, and a <webview> attach is refused anyway', () => {
    expect(prefs(true).webviewTag).toBe(false);
    const { contents } = policedContents();
    expect(contents.fire('will-attach-webview', { nodeIntegration: true }, { src: 'https://evil.test/' })).toBe(true);
  });

  it('13. navigation leaves the app for no URL, while moving within the app stays possible', () => {
    const { contents } = policedContents();
    for (const url of ['https://evil.test/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'app://other/index.html', 'app://giftdesk@evil.test/', 'javascript:alert(1)', 'not a url']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
    expect(contents.fire('will-navigate', APP_START_URL)).toBe(false);
    expect(contents.fire('will-navigate', `${APP_ORIGIN}/#/orders`)).toBe(false);
  });

  it('14-15. no new window ever; only allowlisted https links go to the browser', () => {
    const { contents, opened } = policedContents();
    const urls = [
      'https://developer.wpay.com.au/docs',
      'https://www.blackhawknetwork.com/contact',
      'http://developer.wpay.com.au/docs',
      'https://evil.test/',
      'https://developer.wpay.com.au.evil.test/',
      'https://user:pass@developer.wpay.com.au/',
      'https://developer.wpay.com.au:8443/',
      'file:///bin/sh',
      'smb://server/share',
      APP_START_URL,
    ];
    for (const url of urls) expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://developer.wpay.com.au/docs', 'https://www.blackhawknetwork.com/contact']);
  });

  it('DevTools exist in development builds only', () => {
    expect(prefs(true).devTools).toBe(false);
    expect(prefs(false).devTools).toBe(true);
  });

  it('spellcheck, which downloads dictionaries and reads what staff type, is off', () => {
    expect(prefs(true).spellcheck).toBe(false);
  });
});
