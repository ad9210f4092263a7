import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopOutputs } from '../../main/electron/ipc/ipc-context';
import { createCore, type Core } from '../../main/core/create-core';
import { APP_START_URL } from '../../main/electron/app-origin';
import { createAutoLock, type AutoLock } from '../../main/electron/auto-lock';
import { registerIpc } from '../../main/electron/ipc-register';
import { CHANNELS, EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/contract';
import { addTestAccount, realKeychain, testVault } from '../support/core';
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
let unregister: () => void;
let idleMs = 0;
let proof = false;
let lock: AutoLock;
let saveDir: string;
/** What the shell's dialogs and print window were asked to do. */
let shellAsked: string[];

beforeEach(async () => {
  core = await createCore({ dataDir: tempDir(), keychain: realKeychain, ...testVault(), label: 'ipc test', sandbox: { processing: { baseMs: 100, perCardMs: 1 } } });
  lock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => idleMs });
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
  };
  unregister = registerIpc({
    ipcMain: {
      handle: (channel: string, h: Handler) => void handlers.set(channel, h),
      removeHandler: (channel: string) => void handlers.delete(channel),
    } as never,
    core,
    expected: () => ({ webContentsId: WINDOW_ID }),
    send: (channel, event) => {
      expect(channel).toBe(EVENT_CHANNEL);
      sent.push(event);
    },
    lock,
    verifyUnlock: async () => proof,
    outputs,
  });
});
afterEach(async () => {
  unregister();
  await core.close();
});

describe('registerIpc', () => {
  it('registers every contract channel and nothing else, and removes them again', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers the app window and refuses other windows, iframes and other origins', async () => {
    const list = handlers.get('accounts.list')!;
    expect(await list(eventFrom(WINDOW_ID, APP_START_URL), {})).toMatchObject({ ok: true });
    for (const stranger of [
      eventFrom(8, APP_START_URL),
      eventFrom(WINDOW_ID, 'https://evil.example/'),
      eventFrom(WINDOW_ID, APP_START_URL, frame(APP_START_URL)),
    ]) {
      expect(await list(stranger, {})).toMatchObject({ ok: false, error: { kind: 'untrusted-sender' } });
    }
  });

  it('gives out no card data while the app is locked, and unlocks only on the person’s proof', async () => {
    const ask = (channel: string) => handlers.get(channel)!(eventFrom(WINDOW_ID, APP_START_URL), {});
    expect(await ask('lock.lock')).toEqual({ ok: true, value: { locked: true } });
    expect(sent).toContainEqual({ name: 'lock.state', payload: { locked: true } });
    expect(await ask('cards.search')).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(await handlers.get('cards.reveal')!(eventFrom(WINDOW_ID, APP_START_URL), { cardId: 1 })).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(await ask('orders.list')).toMatchObject({ ok: true });

    proof = false;
    expect(await ask('lock.unlock')).toEqual({ ok: true, value: { locked: true } });
    expect(await ask('cards.search')).toMatchObject({ ok: false, error: { kind: 'locked' } });
    proof = true;
    expect(await ask('lock.unlock')).toEqual({ ok: true, value: { locked: false } });
    expect(sent).toContainEqual({ name: 'lock.state', payload: { locked: false } });
    expect(await ask('cards.search')).toMatchObject({ ok: true });
  });

  it('makes no card sheet and no card file while locked, and makes both once unlocked', async () => {
    const account = addTestAccount(core);
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: 'gd-locked-1', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 4 }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, fakeCards(4), Date.now());
    const ask = (channel: string, payload: unknown) => handlers.get(channel)!(eventFrom(WINDOW_ID, APP_START_URL), payload);
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

    proof = true;
    await ask('lock.unlock', {});
    expect(await ask('cards.sheet', { ...sheet, action: 'save' })).toMatchObject({ ok: true, value: { done: true, cards: 4 } });
    expect(await ask('cards.export', file)).toMatchObject({ ok: true, value: { done: true, cards: 4 } });
    expect(shellAsked).toEqual(['save pdf', 'save zip']);
    expect(existsSync(path.join(saveDir, 'gd-locked-1-cards.pdf'))).toBe(true);
    expect(existsSync(path.join(saveDir, 'gd-locked-1-cards.zip'))).toBe(true);
  });

  it('pushes order progress and the stored card count to the window', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const placed = (await handlers.get('orders.place')!(eventFrom(WINDOW_ID, APP_START_URL), {
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
