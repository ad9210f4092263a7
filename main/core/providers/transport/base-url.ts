import { ProviderError, type ProviderErrorDetails } from '../provider-error';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * What is wrong with a base URL, or null. Card secrets and keys travel on it, so plain http is only allowed to this
 * machine (the built-in sandbox, local test servers). The account form and the transport both ask here.
 */
export function baseUrlProblem(baseUrl: string): { problem: string } | { url: URL } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { problem: 'the base URL is not a valid URL' };
  }
  if (url.username || url.password) return { problem: 'the base URL must not carry a user name or password' };
  if (url.search || url.hash) return { problem: 'the base URL must not carry a query or fragment' };
  if (url.protocol === 'https:') return { url };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return { url };
  if (url.protocol === 'http:') {
    return { problem: `plain http is refused for ${url.hostname}: use https (http is only allowed to 127.0.0.1, ::1 and localhost)` };
  }
  return { problem: `the base URL must use https, not ${url.protocol.replace(':', '')}` };
}

/** The account's base URL, checked before anything is sent. */
export function checkBaseUrl(provider: ProviderErrorDetails['provider'], baseUrl: string): URL {
  const checked = baseUrlProblem(baseUrl);
  if ('url' in checked) return checked.url;
  throw new ProviderError({
    provider,
    endpoint: 'base URL',
    httpStatus: null,
    providerCode: null,
    providerMessage: checked.problem,
    errorClass: 'fatal',
  });
}

/** Joins a base URL that may carry a path prefix with an API path. */
export function joinUrl(base: URL, path: string): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}
