import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { dispatch } from '../../main/electron/ipc/dispatch';
import { handlers } from '../../main/electron/ipc/handlers';
import { createBridge } from '../../shared/ipc/bridge';
import { channels, CHANNELS } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { mixedCards } from '../support/order-with-cards';
import { ipcContext, testOutputs } from '../support/desktop';
import { wpayAccountPayload } from '../support/account-payload';
import { tempDir } from '../support/temp-dir';

// main's one dispatch, over a real core (real keychain, encrypted store, built-in sandbox).

const KEY = 'wpay-Live-Key-For-Dispatch-Test-88Zq4417';
let core: Core;
const call = (channel: unknown, payload: unknown) =>
  dispatch(channels, handlers, channel, payload, ipcContext(core));
/** The typed client the renderer gets, over the same dispatch. */
const gd = () => createBridge({ invoke: (c, p) => call(c, p), subscribe: () => () => undefined });
const value = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(`${e.error.kind}: ${e.error.message}`);
  return e.value;
};
const wpayAccount = wpayAccountPayload(KEY);

beforeEach(async () => {
  core = await createCore({ dataDir: tempDir(), keychain: realKeychain, ...testVault(), label: 'dispatch test', sandbox: { processing: { baseMs: 200, perCardMs: 1 } } });
});
afterEach(async () => {
  await core.close();
});

describe('dispatch', () => {
  it('refuses a channel that is not in the contract', async () => {
    for (const channel of ['secrets.apiKey', 'accounts', '__proto__', 'toString', 42, null]) {
      const answer = await call(channel, {});
      expect(answer).toMatchObject({ ok: false, error: { kind: 'unknown-channel' } });
    }
  });

  it('refuses a payload that fails the schema before the handler runs', async () => {
    const before = core.accounts.list().length;
    const plainHttp = await call('accounts.add', { ...wpayAccount, baseUrl: 'http://api.example.com' });
    expect(plainHttp).toMatchObject({ ok: false, error: { kind: 'validation', field: 'baseUrl' } });
    const extraField = await call('accounts.add', { ...wpayAccount, id: 'chosen-by-renderer' });
    expect(extraField).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await call('cards.reveal', { cardId: '1' })).toMatchObject({ ok: false, error: { field: 'cardId' } });
    expect(await call('accounts.list', undefined)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(core.accounts.list()).toHaveLength(before);
    expect(await realKeychain.get(`account:${'chosen-by-renderer'}:api-key`)).toBeNull();
  });

  it('stores an API key in the keychain and answers only that one is stored and its last four characters', async () => {
    const added = value(await gd().accounts.add(wpayAccount));
    expect(added).toMatchObject({ name: 'Shop Wpay', hasApiKey: true, apiKeyLast4: '4417' });
    expect(await core.secrets.apiKey(added.id)).toBe(KEY);
    const answers = [added, value(await gd().accounts.list({})), value(await gd().accounts.edit({ id: added.id, name: 'Shop Wpay 2' }))];
    for (const a of answers) expect(JSON.stringify(a)).not.toContain(KEY.slice(0, 12));
    expect(value(await gd().audit.list({})).map((e) => JSON.stringify(e)).join()).not.toContain(KEY.slice(0, 12));
  });

  it('uses a replaced key from the next call on, and tests the connection with it', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const connected = value(await gd().accounts.testConnection({ accountId: account.id }));
    expect(connected.message).toMatch(/^Connected\. Prepaid balance A\$/);

    const edited = value(await gd().accounts.edit({ id: account.id, apiKey: 'not-the-sandbox-key-0000' }));
    expect(edited).toMatchObject({ hasApiKey: true, apiKeyLast4: '0000' });
    const refused = await gd().accounts.testConnection({ accountId: account.id });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'provider' } });
    expect(JSON.stringify(refused)).not.toContain('not-the-sandbox-key');

    value(await gd().accounts.edit({ id: account.id, apiKey: (await core.providers.sandbox()).apiKey }));
    expect(value(await gd().accounts.testConnection({ accountId: account.id })).message).toMatch(/^Connected/);
  });

  it('names the field a core rule refuses, in the contract’s words', async () => {
    const answer = await call('accounts.add', { ...wpayAccount, apiKey: undefined });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation', field: 'apiKey' } });
  });

  it('places one order for one reviewed reference, however often "place" is pressed', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const draft = { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2500, quantity: 20 }] };
    const review = value(await gd().orders.validate(draft));
    expect(review).toMatchObject({ quantity: 20, totalCents: 50_000, currency: 'AUD', mode: 'batch' });
    expect(core.orders.list()).toHaveLength(0);

    const [first, second] = await Promise.all([
      gd().orders.place({ ...draft, reference: review.reference }),
      gd().orders.place({ ...draft, reference: review.reference }),
    ]);
    const third = await gd().orders.place({ ...draft, reference: review.reference });
    const ids = [first, second, third].filter((a) => a.ok).map((a) => value(a).id);
    expect(new Set(ids).size).toBe(1);
    expect(core.orders.list()).toHaveLength(1);
    const settled = await core.engine.settled(ids[0]!);
    expect(settled.state).toBe('complete');
  });

  it('reveals a card only through cards.reveal, and logs who revealed which card without its secrets', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const order = value(await gd().orders.place({ accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1000, quantity: 3 }], reference: 'dispatch-reveal-1' }));
    await core.engine.settled(order.id);
    const page = value(await gd().cards.search({ orderId: order.id }));
    expect(page.cards).toHaveLength(3);
    const stored = core.cards.get(page.cards[0]!.id)!;
    expect(JSON.stringify(page)).not.toContain(stored.number!);
    expect(JSON.stringify(page)).not.toContain(stored.pin!);
    expect(page.cards[0]!.maskedNumber!.endsWith(stored.number!.slice(-4))).toBe(true);

    const revealed = value(await gd().cards.reveal({ cardId: stored.id }));
    expect(revealed).toMatchObject({ number: stored.number, pin: stored.pin });
    const [entry] = core.audit.list({ subject: `card:${stored.id}` });
    expect(entry).toMatchObject({ actor: { via: 'desktop' }, action: 'cards.reveal', details: { last4: stored.number!.slice(-4) } });
    expect(JSON.stringify(entry)).not.toContain(stored.pin!);

    const byLast4 = value(await gd().cards.search({ number: stored.number!.slice(-4) }));
    expect(byLast4.cards.map((c) => c.id)).toContain(stored.id);
  });

  it('keeps an account that has orders', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const order = value(await gd().orders.place({ accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1000, quantity: 1 }], reference: 'dispatch-keep-1' }));
    await core.engine.settled(order.id);
    expect(await call('accounts.remove', { accountId: account.id })).toMatchObject({ ok: false, error: { field: 'accountId' } });
    expect(core.accounts.find(account.id)).not.toBeNull();
  });
});

describe('errors from worker threads', () => {
  it('reports a card file that failed in its worker by its own kind and words, not as an unexpected error', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: 'worker-fails-1', currency: 'AUD', lines: [{ sku: 'WW-EGIFT', faceValueCents: 2500, quantity: 3 }] },
      Date.now(),
    );
    const cards = mixedCards(3);
    cards[1] = { ...cards[1]!, barcode: 'Ω-not-code-128' };
    core.cards.insertMany(order.id, cards, Date.now());
    const dir = tempDir();
    const { outputs } = testOutputs(dir);
    const answer = await dispatch(channels, handlers, 'cards.export', { orderId: order.id, format: 'pdf' }, ipcContext(core, { outputs }));
    expect(answer).toMatchObject({ ok: false, error: { kind: 'output-failed', message: expect.stringMatching(/^Card •+\d{4}: its barcode value cannot be printed as Code 128/) } });
    expect(JSON.stringify(answer)).not.toContain(cards[1]!.number!);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a big card file followed under its job id', () => {
  it('tells how far it is, and Cancel stops the worker: no file, no audit entry, no passphrase shown', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: 'big-file-1', currency: 'AUD', lines: [{ sku: 'WW-EGIFT', faceValueCents: 2500, quantity: 20_000 }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, fakeCards(20_000, 7), Date.now());
    const dir = tempDir();
    const { outputs } = testOutputs(dir);
    // One window: its jobs are followed and cancelled in the same context the request runs in.
    const context = ipcContext(core, { outputs });
    const ask = (channel: string, payload: unknown) => dispatch(channels, handlers, channel, payload, context);
    const jobId = randomUUID();
    const answer = ask('cards.export', { orderId: order.id, format: 'pdf', jobId });
    await expect.poll(async () => value(await ask('cards.jobProgress', { jobId }) as Envelope<{ cards: number }>).cards, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(value(await ask('cards.jobProgress', { jobId }) as Envelope<{ running: boolean; total: number }>)).toMatchObject({ running: true, total: 20_000 });
    expect(value(await ask('cards.cancelJob', { jobId }) as Envelope<{ cancelled: boolean }>)).toEqual({ cancelled: true });
    expect(await answer).toEqual({ ok: true, value: { done: false, reason: 'stopped', cards: 0, generatedPassphrase: null } });
    expect(readdirSync(dir)).toEqual([]);
    expect(core.audit.list({ subject: `order:${order.id}` }).filter((e) => e.action === 'cards.export')).toEqual([]);
    expect(value(await ask('cards.jobProgress', { jobId }) as Envelope<{ running: boolean }>).running).toBe(false);
  }, 120_000);
});

describe('createBridge', () => {
  it('offers exactly the contract’s channels, each answering through dispatch', async () => {
    const bridge = gd();
    const offered = Object.entries(bridge)
      .filter(([k]) => k !== 'on')
      .flatMap(([group, methods]) => Object.keys(methods as object).map((m) => `${group}.${m}`));
    expect(offered.sort()).toEqual([...CHANNELS].sort());
    const accounts = value(await bridge.accounts.list({}));
    expect(accounts.map((a) => a.name)).toEqual(['Sandbox (Blackhawk)', 'Sandbox (Wpay)']);
  });
});
