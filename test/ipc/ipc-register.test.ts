import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { APP_START_URL } from '../../main/electron/app-origin';
import { createAutoLock, type AutoLock } from '../../main/electron/auto-lock';
import { registerIpc, type IpcHooks } from '../../main/electron/ipc-register';
import type { DesktopOutputs } from '../../main/electron/ipc/ipc-context';
import { CHANNELS, EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/contract';
import { addTestAccount, realKeychain, TEST_PASSCODE, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { tempDir } from '../support/temp-dir';

// registerIpc against a stand-in for Electron's ipcMain (which cannot run outside Electron): every contract channel
// is registered, and a call from anywhere but the app window's main frame is refused before dispatch.

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

const WINDOW_ID = 7;
const frame = (url: string, parent: object | null = null) => ({ url, parent, processId: 3, routingId: 1 });
const eventFrom = (senderId: number, url: string, parent: object | null = null) => {
  const f = frame(url, parent);
  return { sender: { id: senderId, mainFrame: f }, senderFrame: f } as unknown as IpcMainInvokeEvent;
};

let core: Core;
let handlers: Map<string, Handler>;
let sent: AppEvent[];
let hooks: IpcHooks;
let lock: AutoLock;
let saveDir: string;
/** What the shell's dialogs and print window were asked to do. */
let shellAsked: string[];

beforeEach(async () => {
  core = await createCore({ dataDir: tempDir(), keychain: realKeychain, ...testVault(), label: 'ipc test', sandbox: { processing: { baseMs: 100, perCardMs: 1 } } });
  lock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0 });
  handlers = new Map();
  sent = [];
  saveDir = tempDir();
  shellAsked = [];
  // The shell's save dialog answers with a file in a test folder; printing and previewing only say they happened.
  const outputs: DesktopOutputs = {
    chooseSavePath: async (what: { suggestedName: string; extension: string }) => {
      shellAsked.push(`save ${what.extension}`);
      return path.join(saveDir, what.suggestedName);
    },
    print: async () => {
      shellAsked.push('print');
      return { done: true, reason: null };
    },
    preview: async () => void shellAsked.push('preview'),
    chooseOpenPath: async () => null,
    chooseFolder: async () => null,
  };
  hooks = registerIpc({
    ipcMain: {
      handle: (channel: string, h: Handler) => void handlers.set(channel, h),
      removeHandler: (channel: string) => void handlers.delete(channel),
    } as never,
    core: () => core,
    expected: () => ({ webContentsId: WINDOW_ID }),
    send: (channel, event) => {
      expect(channel).toBe(EVENT_CHANNEL);
      sent.push(event);
    },
    lock,
    outputs,
  });
  hooks.storeOpened();
});
afterEach(async () => {
  hooks.unregister();
  await core.close();
});

const ask = (channel: string, payload: unknown = {}) => handlers.get(channel)!(eventFrom(WINDOW_ID, APP_START_URL), payload);

describe('registerIpc', () => {
  it('registers every contract channel and nothing else, and removes them again', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    hooks.unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers the app window and refuses other windows, iframes and other origins, the lock’s own channels too', async () => {
    for (const channel of ['accounts.list', 'lock.status', 'lock.unlock']) {
      const payload = channel === 'lock.unlock' ? { passcode: TEST_PASSCODE } : {};
      for (const stranger of [eventFrom(8, APP_START_URL), eventFrom(WINDOW_ID, 'https://evil.example/'), eventFrom(WINDOW_ID, APP_START_URL, frame(APP_START_URL))]) {
        expect(await handlers.get(channel)!(stranger, payload)).toMatchObject({ ok: false, error: { kind: 'untrusted-sender' } });
      }
    }
    expect(await ask('accounts.list')).toMatchObject({ ok: true });
  });

  it('while locked answers only the lock’s channels, pushes only the lock’s event, and unlocks only with the passcode', async () => {
    expect(await ask('lock.lock')).toMatchObject({ ok: true, value: { locked: true, start: null } });
    expect(sent).toContainEqual({ name: 'lock.state', payload: { locked: true } });
    for (const channel of ['cards.search', 'orders.list', 'accounts.list', 'audit.list', 'vault.status', 'lock.setIdleMinutes']) {
      expect(await ask(channel, channel === 'lock.setIdleMinutes' ? { minutes: 5 } : {}), channel).toMatchObject({ ok: false, error: { kind: 'locked' } });
    }
    expect(await ask('cards.reveal', { cardId: 1 })).toMatchObject({ ok: false, error: { kind: 'locked' } });

    // Orders go on while locked, and nothing of them reaches the window.
    const before = sent.length;
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await core.app.orders.place({ via: 'engine', user: 'test' }, { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 2 }], pollEverySeconds: 1 });
    expect((await core.engine.settled(placed.id)).state).toBe('complete');
    expect(sent.slice(before)).toEqual([]);

    expect(await ask('lock.unlock', { passcode: 'Marble-Canyon-Violet-2231-Oboe' })).toMatchObject({ ok: false, error: { kind: 'passcode-wrong', field: 'passcode' } });
    expect(await ask('lock.status')).toMatchObject({ ok: true, value: { locked: true, retryInSeconds: 1 } });
    expect(await ask('cards.search')).toMatchObject({ ok: false, error: { kind: 'locked' } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await ask('lock.unlock', { passcode: TEST_PASSCODE })).toMatchObject({ ok: true, value: { locked: false, retryInSeconds: 0 } });
    expect(sent).toContainEqual({ name: 'lock.state', payload: { locked: false } });
    expect(await ask('cards.search')).toMatchObject({ ok: true });
    const audit = core.audit.list({ subject: 'vault' }).concat(core.audit.list({ subject: 'app' }));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['lock.lock', 'lock.unlock', 'vault.passcode-failures']));
  });

  it('makes no card sheet and no card file while locked, and makes both once unlocked', async () => {
    const account = addTestAccount(core);
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: 'gd-locked-1', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 4 }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, fakeCards(4), Date.now());
    const sheet = { orderId: order.id, layout: 'a4-10', scratch: false };
    const file = { orderId: order.id, format: 'zip' };

    lock.lock('manual');
    for (const action of ['save', 'print', 'preview']) {
      expect(await ask('cards.sheet', { ...sheet, action })).toMatchObject({ ok: false, error: { kind: 'locked' } });
    }
    expect(await ask('cards.export', file)).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(shellAsked).toEqual([]);
    expect(readdirSync(saveDir)).toEqual([]);
    expect(core.audit.list({ subject: `order:${order.id}` }).map((e) => e.action)).toEqual([]);

    expect(await ask('lock.unlock', { passcode: TEST_PASSCODE })).toMatchObject({ ok: true });
    expect(await ask('cards.sheet', { ...sheet, action: 'save' })).toMatchObject({ ok: true, value: { done: true, cards: 4 } });
    expect(await ask('cards.export', file)).toMatchObject({ ok: true, value: { done: true, cards: 4 } });
    expect(shellAsked).toEqual(['save pdf', 'save zip']);
    expect(existsSync(path.join(saveDir, 'gd-locked-1-cards.pdf'))).toBe(true);
    expect(existsSync(path.join(saveDir, 'gd-locked-1-cards.zip'))).toBe(true);
  });

  it('pushes order progress and the stored card count to the window while unlocked', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const placed = (await ask('orders.place', {
      accountId: account.id,
      lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 4 }],
      reference: 'ipc-events-1',
      pollEverySeconds: 1,
    })) as { ok: true; value: { id: number } };
    await core.engine.settled(placed.value.id);
    const progress = sent.filter((e) => e.name === 'order.progress');
    expect(progress.at(-1)).toMatchObject({ payload: { orderId: placed.value.id, state: 'complete', cardsStored: 4 } });
    expect(sent.filter((e) => e.name === 'cards.count').at(-1)).toEqual({ name: 'cards.count', payload: { total: 4 } });
  });
});
