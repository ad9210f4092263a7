import type { IpcMainInvokeEvent } from 'electron';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAutoLock } from '../../main/electron/auto-lock';
import { registerChannels, toAppLock } from '../../main/electron/ipc-register';
import type { Contract } from '../../shared/ipc/contract';

// A contract of the test's own, registered the way the app's is: the sender check and the lock gate come from the
// registration and the contract, so a channel added to a contract gets them without a line of code of its own.

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

const fixture = {
  'fixture.echo': { request: z.strictObject({ text: z.string() }), response: z.object({ text: z.string() }), cardData: false },
  'fixture.pins': { request: z.strictObject({}), response: z.object({ pin: z.string() }), cardData: true },
  'fixture.door': { request: z.strictObject({}), response: z.object({ open: z.boolean() }), cardData: false, whileLocked: true },
} satisfies Contract;

// A channel that does not say whether it hands out card data is not a channel of any contract.
// @ts-expect-error cardData is required
export const undecided = { 'fixture.undecided': { request: z.strictObject({}), response: z.object({}) } } satisfies Contract;

const WINDOW_ID = 7;
const frame = (url: string) => ({ url, parent: null, processId: 3, routingId: 1 });
const from = (senderId: number, url = 'app://giftdesk/index.html') => {
  const f = frame(url);
  return { sender: { id: senderId, mainFrame: f }, senderFrame: f } as unknown as IpcMainInvokeEvent;
};

function register() {
  const registered = new Map<string, Handler>();
  const calls: string[] = [];
  const autoLock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0 });
  const unregister = registerChannels({
    ipcMain: { handle: (channel: string, h: Handler) => void registered.set(channel, h), removeHandler: (channel: string) => void registered.delete(channel) } as never,
    contract: fixture,
    handlers: {
      'fixture.echo': async ({ text }) => {
        calls.push('echo');
        return { text };
      },
      'fixture.pins': async () => {
        calls.push('pins');
        return { pin: '4321' };
      },
      'fixture.door': async () => {
        calls.push('door');
        return { open: autoLock.state === 'unlocked' };
      },
    },
    context: { lock: toAppLock(autoLock) },
    expected: () => ({ webContentsId: WINDOW_ID }),
  });
  return { registered, calls, autoLock, unregister };
}

describe('a channel added to a contract', () => {
  it('is registered with the sender check: a call from anywhere but the app window reaches no handler', async () => {
    const { registered, calls, unregister } = register();
    expect([...registered.keys()].sort()).toEqual(['fixture.door', 'fixture.echo', 'fixture.pins']);
    for (const channel of registered.keys()) {
      for (const stranger of [from(8), from(WINDOW_ID, 'https://evil.example/')]) {
        expect(await registered.get(channel)!(stranger, channel === 'fixture.echo' ? { text: 'hi' } : {})).toMatchObject({ ok: false, error: { kind: 'untrusted-sender' } });
      }
    }
    expect(calls).toEqual([]);
    expect(await registered.get('fixture.echo')!(from(WINDOW_ID), { text: 'hi' })).toEqual({ ok: true, value: { text: 'hi' } });
    unregister();
    expect(registered.size).toBe(0);
  });

  it('is behind the lock gate, card data or not; only a channel that says it is the lock’s own answers while locked', async () => {
    const { registered, calls, autoLock } = register();
    autoLock.lock('manual');
    expect(await registered.get('fixture.pins')!(from(WINDOW_ID), {})).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(await registered.get('fixture.echo')!(from(WINDOW_ID), { text: 'still here' })).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(await registered.get('fixture.door')!(from(WINDOW_ID), {})).toEqual({ ok: true, value: { open: false } });
    expect(calls).toEqual(['door']);
    await autoLock.unlock(async () => true);
    expect(await registered.get('fixture.pins')!(from(WINDOW_ID), {})).toEqual({ ok: true, value: { pin: '4321' } });
    expect(await registered.get('fixture.echo')!(from(WINDOW_ID), { text: 'back' })).toEqual({ ok: true, value: { text: 'back' } });
  });

  it('has no other way in: registerChannels is the only place main registers an IPC handler', () => {
    const root = path.resolve(import.meta.dirname, '../../main');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ts$/.test(f));
    const registering = files.filter((f) => /ipcMain\.(handle|handleOnce|on|once|addListener)\(/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(registering).toEqual([path.join('electron', 'ipc-register.ts')]);
  });
});
