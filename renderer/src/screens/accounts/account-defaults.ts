import type { ProviderName } from '../../../../shared/domain';

export const DEFAULT_BASE_URL: Record<ProviderName, string> = {
  wpay: 'https://pt-api.wpay.com.au',
  blackhawk: 'https://apipp.blackhawknetwork.com',
  sandbox: '',
};

export const DEFAULT_CURRENCY: Record<ProviderName, string> = { wpay: 'AUD', blackhawk: 'USD', sandbox: 'AUD' };

export const PROVIDER_LABEL: Record<ProviderName, string> = { wpay: 'Wpay', blackhawk: 'Blackhawk Network', sandbox: 'Sandbox' };
