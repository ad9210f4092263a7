import type { ProviderName } from '../../../../shared/domain';

export const DEFAULT_CURRENCY: Record<ProviderName, string> = { wpay: 'AUD', blackhawk: 'USD', sandbox: 'AUD' };

export const PROVIDER_LABEL: Record<ProviderName, string> = { wpay: 'Wpay', blackhawk: 'Blackhawk Network', sandbox: 'Sandbox' };

/** The currencies an account can be billed in, by name; the code is what the store keeps. */
export const CURRENCIES: readonly { code: string; name: string }[] = [
  { code: 'AUD', name: 'Australian dollar' },
  { code: 'NZD', name: 'New Zealand dollar' },
  { code: 'USD', name: 'US dollar' },
  { code: 'CAD', name: 'Canadian dollar' },
  { code: 'GBP', name: 'Pound sterling' },
  { code: 'EUR', name: 'Euro' },
  { code: 'SGD', name: 'Singapore dollar' },
  { code: 'HKD', name: 'Hong Kong dollar' },
  { code: 'JPY', name: 'Japanese yen' },
  { code: 'INR', name: 'Indian rupee' },
  { code: 'ZAR', name: 'South African rand' },
  { code: 'MXN', name: 'Mexican peso' },
];

/** How often an order is checked, in words; null: as the provider advises for the order's size. */
export const CHECK_EVERY: readonly { seconds: number | null; label: string }[] = [
  { seconds: null, label: 'As the provider advises for the order’s size (recommended)' },
  { seconds: 60, label: 'Every minute' },
  { seconds: 300, label: 'Every 5 minutes' },
  { seconds: 900, label: 'Every 15 minutes' },
  { seconds: 3_600, label: 'Every hour' },
];

/** A sandbox answers in seconds: its accounts are checked that often (as the two it starts with are). */
export const SANDBOX_CHECK_EVERY: readonly { seconds: number | null; label: string }[] = [
  { seconds: 2, label: 'Every 2 seconds (the sandbox answers at once)' },
  { seconds: 10, label: 'Every 10 seconds' },
];
