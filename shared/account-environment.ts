import type { ProviderName } from './domain';

// Sandbox, test or live: which money an account moves. The one place this is decided, pure (no Node), so the badge
// on every screen and anything in core read the same answer.

/**
 * The test hosts the providers document (providers.md, the seeds): Wpay's partner test host and Blackhawk's
 * pre-production host. Neither document names a production host, so none is written here: a live account's host is
 * the one its account manager gave.
 */
export const TEST_HOSTS: Record<'wpay' | 'blackhawk', string> = {
  wpay: 'https://pt-api.wpay.com.au',
  blackhawk: 'https://apipp.blackhawknetwork.com',
};

export type AccountEnvironment = 'sandbox' | 'test' | 'live';

export const ENVIRONMENT_LABEL: Record<AccountEnvironment, string> = { sandbox: 'Sandbox', test: 'Test', live: 'Live' };

/** The origin of a URL (scheme, host and port, lower-cased), or null when it is not one. */
function originOf(url: string): string | null {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return null;
  }
}

const TEST_ORIGINS = new Set(Object.values(TEST_HOSTS).map((u) => originOf(u)));

/**
 * The built-in sandbox; an account pointed at a provider's documented test host (any path on it); anything else is
 * live, because anything else may debit real money.
 */
export function accountEnvironment(account: { provider: ProviderName; baseUrl: string }): AccountEnvironment {
  if (account.provider === 'sandbox') return 'sandbox';
  const origin = originOf(account.baseUrl);
  return origin !== null && TEST_ORIGINS.has(origin) ? 'test' : 'live';
}
