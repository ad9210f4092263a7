import { checkBaseUrl } from '../../../../shared/base-url';
import { ProviderError, type ProviderErrorDetails } from '../provider-error';

/** The account's base URL, checked by the one rule (shared/base-url.ts) before anything is sent. */
export function transportBaseUrl(provider: ProviderErrorDetails['provider'], baseUrl: string): URL {
  const checked = checkBaseUrl(baseUrl);
  if (checked.ok) return new URL(checked.url);
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
