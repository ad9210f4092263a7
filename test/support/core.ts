import { createCore, type Core } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import type { Account } from '../../shared/domain';
import { createSecretToolKeychain } from './secret-tool-keychain';

/**
 * The real OS keychain (gnome-keyring in the test session): tests never mock it. Through keytar, as the app; through
 * secret-tool under npm run mutate, whose test runner's worker threads keytar cannot share a process with.
 */
export const realKeychain = process.env.GIFTDESK_TEST_KEYCHAIN === 'secret-tool' ? createSecretToolKeychain() : createKeytarKeychain();

export async function openCore(dataDir: string): Promise<Core> {
  return createCore({ dataDir, keychain: realKeychain });
}

export function addTestAccount(core: Core, overrides: Partial<Account> = {}): Account {
  return core.accounts.create(
    {
      name: overrides.name ?? 'Test Wpay',
      provider: overrides.provider ?? 'wpay',
      baseUrl: overrides.baseUrl ?? 'https://pt-api.wpay.com.au',
      merchantId: overrides.merchantId ?? null,
      clientProgramNumber: overrides.clientProgramNumber ?? null,
      sandboxFlavor: overrides.sandboxFlavor ?? null,
      currency: overrides.currency ?? 'AUD',
      fetchConcurrency: overrides.fetchConcurrency ?? 2,
      pollEverySeconds: overrides.pollEverySeconds ?? null,
    },
    Date.now(),
  );
}
