// The one base-URL rule, pure (no Node): the account form and the IPC contract in the renderer, the account commands
// and the HTTP transport in main all ask here. Card secrets and keys travel on this URL.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/**
 * The base URL as an account stores it (origin and path, no trailing slash), or what is wrong with it: not a URL,
 * credentials or a query in it, or plain http to anything but this machine (the built-in sandbox, local stand-ins).
 */
export function checkBaseUrl(text: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'the base URL is not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, problem: 'the base URL must not carry a user name or password' };
  if (url.search || url.hash) return { ok: false, problem: 'the base URL must not carry a query or fragment' };
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname.toLowerCase()));
  if (!secure && url.protocol === 'http:') {
    return { ok: false, problem: `plain http is refused for ${url.hostname}: use https (http is only allowed to 127.0.0.1, ::1 and localhost)` };
  }
  if (!secure) return { ok: false, problem: `the base URL must use https, not ${url.protocol.replace(':', '')}` };
  return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
}

/** The problem as a sentence for a person ("The base URL must …."). */
export function baseUrlSentence(problem: string): string {
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}
