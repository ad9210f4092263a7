/** Where an account points unless told otherwise: each provider's test host (providers.md; decided in shared/). */
export { TEST_HOSTS } from '../../../shared/account-environment';

export const DEFAULT_CURRENCY: Record<'wpay' | 'blackhawk', string> = { wpay: 'AUD', blackhawk: 'USD' };

/** A sandbox account's stored base URL; the registry points its client at wherever the sandbox listens now. */
export const SANDBOX_BASE_URL = 'http://127.0.0.1';
