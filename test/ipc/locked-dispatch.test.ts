import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { createAutoLock, type AutoLock } from '../../main/electron/auto-lock';
import { dispatch } from '../../main/electron/ipc/dispatch';
import { handlers } from '../../main/electron/ipc/handlers';
import { channels, CHANNELS, type Channel } from '../../shared/ipc/contract';
import type { AccountView } from '../../shared/ipc/views';
import { realKeychain, TEST_PASSCODE, testVault } from '../support/core';
import { ipcContext, testOutputs } from '../support/desktop';
import { manualClock } from '../support/manual-clock';
import { startStubServer } from '../support/stub-server';
import { wpayAccountPayload } from '../support/account-payload';
import { tempDir } from '../support/temp-dir';

// The red team's path, through main's real dispatch over a real core: with the app locked, point an account at another
// host and test the connection so the stored key goes there. And, unlocked, a host change that would carry the key.

const KEY = 'wpay-Live-Key-Red-Team-Test-44Qx9120';
const listener = () => startStubServer(() => ({ status: 200, body: {} }));

let core: Core;
let lock: AutoLock;
let clock: ReturnType<typeof manualClock>;
let dir: string;
const call = (channel: Channel, payload: unknown) => dispatch(channels, handlers, channel, payload, ipcContext(core, { lock, outputs: testOutputs(dir).outputs }));

beforeEach(async () => {
  dir = tempDir();
  clock = manualClock();
  core = await createCore({ dataDir: tempDir(), keychain: realKeychain, ...testVault(), clock, label: 'locked dispatch test' });
  lock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0 });
});
afterEach(async () => {
  await core.close();
});

async function addAccount(baseUrl: string) {
  const added = await call('accounts.add', wpayAccountPayload(KEY, { name: 'Shop', baseUrl }));
  if (!added.ok) throw new Error(added.error.message);
  return added.value as AccountView;
}

describe('dispatch while locked', () => {
  it('refuses every channel of the contract but the lock’s own, whatever the payload, before a handler runs', async () => {
    lock.lock('manual');
    const open = CHANNELS.filter((c) => 'whileLocked' in channels[c]);
    expect(open.every((c) => c.startsWith('lock.'))).toBe(true);
    for (const channel of CHANNELS.filter((c) => !open.includes(c))) {
      for (const payload of [{}, { orderId: 1 }, { cardId: 1 }, undefined]) {
        expect(await call(channel, payload), channel).toMatchObject({ ok: false, error: { kind: 'locked' } });
      }
    }
    expect(await call('lock.status', {})).toMatchObject({ ok: true, value: { locked: true } });
  });

  it('refuses accounts.edit and accounts.testConnection: the stored key goes to no other host', async () => {
    const home = await listener();
    const elsewhere = await listener();
    try {
      const account = await addAccount(home.url);
      lock.lock('manual');
      expect(await call('accounts.edit', { id: account.id, baseUrl: elsewhere.url })).toMatchObject({ ok: false, error: { kind: 'locked' } });
      expect(await call('accounts.testConnection', { accountId: account.id })).toMatchObject({ ok: false, error: { kind: 'locked' } });
      expect(await call('accounts.add', { provider: 'wpay', name: 'Thief', baseUrl: elsewhere.url, apiKey: KEY })).toMatchObject({ ok: false, error: { kind: 'locked' } });
      expect(home.seen).toEqual([]);
      expect(elsewhere.seen).toEqual([]);
      expect(core.accounts.get(account.id).baseUrl).toBe(home.url);
    } finally {
      await home.close();
      await elsewhere.close();
    }
  });
});

describe('an account’s host changed, unlocked', () => {
  it('removes the stored key, so a listener on the new host receives no x-api-key; the key must be entered again', async () => {
    const home = await listener();
    const elsewhere = await listener();
    try {
      const account = await addAccount(home.url);
      const moved = await call('accounts.edit', { id: account.id, baseUrl: elsewhere.url });
      expect(moved).toMatchObject({ ok: true, value: { baseUrl: elsewhere.url, hasApiKey: false, hasCertificatePassphrase: false } });
      await call('accounts.testConnection', { accountId: account.id });
      await call('accounts.products', { accountId: account.id });
      expect(elsewhere.seen.filter((r) => r.headers['x-api-key'] !== undefined)).toEqual([]);
      expect(JSON.stringify(elsewhere.seen)).not.toContain(KEY);
      expect(await realKeychain.get(`account:${account.id}:api-key`)).toBeNull();
      const audit = core.audit.list().find((e) => e.action === 'account.edit');
      expect(audit?.details).toMatchObject({ secretsRemoved: true });
    } finally {
      await home.close();
      await elsewhere.close();
    }
  });

  it('asks for the passcode again when it was typed more than 5 minutes ago, for a key or host change and an export', async () => {
    const home = await listener();
    try {
      const account = await addAccount(home.url);
      clock.advance(5 * 60_000 + 1_000);
      const refused = await call('accounts.edit', { id: account.id, apiKey: 'wpay-another-key-0000000000001' });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'passcode-required', field: 'passcode' } });
      expect(await call('cards.export', { orderId: 1, format: 'zip' })).toMatchObject({ ok: false, error: { kind: 'passcode-required' } });
      // A name change is not a key or host change: no passcode asked.
      expect(await call('accounts.edit', { id: account.id, name: 'Shop 2' })).toMatchObject({ ok: true });

      expect(await call('vault.confirmPasscode', { passcode: 'Marble-Canyon-Violet-2231-Oboe' })).toMatchObject({ ok: false, error: { kind: 'passcode-wrong' } });
      clock.advance(2_000);
      expect(await call('vault.confirmPasscode', { passcode: TEST_PASSCODE })).toMatchObject({ ok: true, value: { confirmed: true } });
      expect(await call('accounts.edit', { id: account.id, apiKey: 'wpay-another-key-0000000000001' })).toMatchObject({ ok: true, value: { hasApiKey: true, apiKeyLast4: '0001' } });
    } finally {
      await home.close();
    }
  });
});
