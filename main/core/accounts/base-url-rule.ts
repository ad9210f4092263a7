import { ValidationError } from '../errors';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

/** HTTPS everywhere; plain http only for a stand-in on this machine. */
export function checkBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError('base-url', `"${text}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ValidationError('base-url', 'The base URL must use https:// (http:// is allowed only for 127.0.0.1, ::1 or localhost).');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ValidationError('base-url', 'The base URL must not carry a user name, password, query or fragment.');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
