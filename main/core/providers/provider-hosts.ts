/** Where an account points unless told otherwise: each provider's test host (providers.md). */
export const TEST_HOSTS: Record<'wpay' | 'blackhawk', string> = {
  wpay: 'https://pt-api.wpay.com.au',
  blackhawk: 'https://apipp.blackhawknetwork.com',
};

export const DEFAULT_CURRENCY: Record<'wpay' | 'blackhawk', string> = { wpay: 'AUD', blackhawk: 'USD' };

/** A sandbox account's stored base URL; the registry points its client at wherever the sandbox listens now. */
export const SANDBOX_BASE_URL = 'http://127.0.0.1';
