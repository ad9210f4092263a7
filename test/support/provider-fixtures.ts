import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Account } from '../../shared/domain';
import type { Clock } from '../../main/core/clock';

export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', 'providers', 'fixtures', name), 'utf8');
}

/** A clock whose sleeps return at once and are recorded, so backoff and Retry-After can be checked without waiting. */
export function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
}

export function account(provider: Account['provider'], baseUrl: string, extra: Partial<Account> = {}): Account {
  return {
    id: `acct-${provider}`,
    name: `Test ${provider}`,
    provider,
    baseUrl,
    merchantId: provider === 'wpay' ? null : '60300003779',
    clientProgramNumber: provider === 'wpay' ? null : '43251304',
    sandboxFlavor: null,
    currency: 'AUD',
    fetchConcurrency: 2,
    pollEverySeconds: null,
    balanceRatePerMinute: 50,
    createdAt: 0,
    ...extra,
  };
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
