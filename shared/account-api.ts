import type { ProviderName } from './domain';

/**
 * Which provider API an account speaks: its provider's, or for a sandbox account the one its sandbox imitates (Wpay
 * unless it says Blackhawk). The one place this is decided; core's provider registry, limits and rules, and the
 * renderer's forms all ask here.
 */
export function accountApi(account: { provider: ProviderName; sandboxFlavor: 'wpay' | 'blackhawk' | null }): 'wpay' | 'blackhawk' {
  return account.provider === 'sandbox' ? (account.sandboxFlavor ?? 'wpay') : account.provider;
}
