import type { AccountsRepo } from '../store/repos/accounts';
import { SANDBOX_BASE_URL } from '../providers/provider-hosts';

export const SANDBOX_ACCOUNTS = [
  { name: 'Sandbox (Wpay)', flavor: 'wpay', currency: 'AUD' },
  { name: 'Sandbox (Blackhawk)', flavor: 'blackhawk', currency: 'USD' },
] as const;

/** On the first run a new user can try every feature at once, with no credentials, against the built-in sandbox. */
export function seedSandboxAccounts(accounts: AccountsRepo, now: number): void {
  for (const s of SANDBOX_ACCOUNTS) {
    if (accounts.findByName(s.name)) continue;
    accounts.create(
      {
        name: s.name,
        provider: 'sandbox',
        baseUrl: SANDBOX_BASE_URL,
        merchantId: null,
        clientProgramNumber: null,
        sandboxFlavor: s.flavor,
        currency: s.currency,
        fetchConcurrency: 2,
        // The sandbox finishes in seconds: checking on Wpay's fifteen-minute rhythm would make trying it pointless.
        pollEverySeconds: 2,
      },
      now,
    );
  }
}
