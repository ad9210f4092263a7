/**
 * The Content-Security-Policy every app response carries, as a header (a <meta> tag cannot set frame-ancestors, and a
 * header also covers responses whose HTML we did not write). The renderer is a Vite build: module scripts and
 * stylesheets from its own origin only; React's style props go through CSSOM, which CSP does not restrict, so no
 * 'unsafe-inline'. Nothing remote: the renderer talks to main over IPC, never to the network.
 *
 * Kept as one literal inside a `responseHeaders` object so that Electronegativity's CSP check can find and evaluate it.
 * It reports one LOW note, that script-src 'self' "can be problematic if you host JSONP, Angular or user uploaded
 * files": the app: origin serves only the files packaged in dist/renderer, none of which is any of those.
 */
export const CSP_RESPONSE_HEADERS = Object.freeze({
  responseHeaders: {
    'Content-Security-Policy': [
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ],
  },
});

export const CONTENT_SECURITY_POLICY: string = CSP_RESPONSE_HEADERS.responseHeaders['Content-Security-Policy'][0] ?? '';

/**
 * Returns response headers with our CSP replacing any the response brought, whatever the case of its name, so a
 * looser policy cannot ride along beside ours.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), ...CSP_RESPONSE_HEADERS.responseHeaders };
}

/**
 * The webRequest answer for one response: our CSP on everything but DevTools' own pages (development builds only),
 * which carry Chromium's policy and would break under ours.
 */
export function cspResponseFor(url: string, headers: Record<string, string[]> | undefined): { responseHeaders?: Record<string, string[]> } {
  if (url.startsWith('devtools:')) return {};
  return { responseHeaders: withContentSecurityPolicy(headers) };
}
