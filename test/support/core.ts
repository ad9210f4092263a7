import type { Actor, ActorVia } from '../../main/core/audit/vocabulary';
import { createCore, type Core, type CoreOptions } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import type { KdfCost } from '../../main/core/vault/passcode-kdf';
import type { UnlockAnswer, UnlockPrompt, UnlockRequest } from '../../main/core/vault/unlock-prompt';
import type { Account } from '../../shared/domain';
import { createSecretToolKeychain } from './secret-tool-keychain';
import { bundledWorkers } from './test-bundle';

/**
 * The real OS keychain (gnome-keyring in the test session): tests never mock it. Through keytar, as the app; through
 * secret-tool under npm run mutate, whose test runner's worker threads keytar cannot share a process with.
 */
export const realKeychain = process.env.GIFTDESK_TEST_KEYCHAIN === 'secret-tool' ? createSecretToolKeychain() : createKeytarKeychain();

/** Strong by zxcvbn's measure, and fixed, so every test store opens the same way. */
export const TEST_PASSCODE = 'Tulip-Harbor-Quartz-1987-Ferry';

/** A small Argon2id cost so CI stays fast; the real one is checked in test/vault/kdf-cost.test.ts. */
export const TEST_KDF: KdfCost = { memoryKiB: 256, iterations: 1, parallelism: 1 };

/** Every recovery key the test prompts were shown, by store id. */
export const shownRecoveryKeys = new Map<string, string>();

/**
 * A person at the prompt who answers from a script: by default the test passcode for "passcode" and
 * "new-passcode", nothing for "recovery-key", and nothing when asked again after a refusal (so no test loops).
 */
export function testUnlock(answer: (request: UnlockRequest) => UnlockAnswer = defaultAnswer): UnlockPrompt & { asked: UnlockRequest[] } {
  const asked: UnlockRequest[] = [];
  return {
    asked,
    async ask(request) {
      asked.push(request);
      return answer(request);
    },
    async showRecoveryKey({ storeId, recoveryKey }) {
      shownRecoveryKeys.set(storeId, recoveryKey);
    },
  };
}

function defaultAnswer(request: UnlockRequest): UnlockAnswer {
  if (request.error || request.need === 'recovery-key') return null;
  return { passcode: TEST_PASSCODE };
}

/** What every test core adds to its options: the scripted prompt, the small cost, the bundled workers. */
export const testVault = (): Pick<CoreOptions, 'unlock' | 'passcodeKdf' | 'workers'> => ({ unlock: testUnlock(), passcodeKdf: TEST_KDF, ...bundledWorkers() });

export async function openCore(dataDir: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({ dataDir, keychain: realKeychain, ...testVault(), ...options });
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
