import type { Actor, ActorVia } from '../../main/core/audit/vocabulary';
import { createCore, type Core, type CoreOptions } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import type { Account } from '../../shared/domain';

/** The real OS keychain (gnome-keyring in the test session): tests never mock it. */
export const realKeychain = createKeytarKeychain();

export async function openCore(dataDir: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({ dataDir, keychain: realKeychain, ...options });
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

/** A person acting through a front door, for commands called straight from a test. */
export function person(user = 'tester', via: ActorVia = 'desktop'): Actor {
  return { via, user };
}

/** How many cards an order holds, and how many different numbers among them (a card stored twice shows as a gap). */
export function cardCounts(core: Core, orderId: number): { n: number; distinct: number } {
  const numbers = new Set<string | null>();
  let n = 0;
  for (const card of core.cards.iterate(orderId)) {
    n += 1;
    numbers.add(card.number);
  }
  return { n, distinct: numbers.size };
}
