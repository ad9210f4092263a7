import { describe, expect, it, vi } from 'vitest';
import type { GiftdeskBridge } from '../../shared/ipc/bridge';
import { CHANNELS, EVENT_CHANNEL } from '../../shared/ipc/contract';

// What the preload gives the page, with Electron's ipcRenderer replaced by a recorder (Electron cannot run here):
// one method per contract channel forwarding to invoke, and events filtered by name from the one event channel.
const exposed = new Map<string, unknown>();
const listeners: ((event: unknown, message: unknown) => void)[] = [];
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
  on: vi.fn((channel: string, l: (event: unknown, message: unknown) => void) => {
    expect(channel).toBe(EVENT_CHANNEL);
    listeners.push(l);
  }),
  removeListener: vi.fn((_channel: string, l: (event: unknown, message: unknown) => void) => {
    listeners.splice(listeners.indexOf(l), 1);
  }),
};
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer }));

describe('window.giftdesk from the preload', () => {
  it('forwards each contract channel, by its own name, to ipcRenderer.invoke', async () => {
    await import('../../main/electron/preload');
    const giftdesk = exposed.get('giftdesk') as GiftdeskBridge;
    for (const channel of CHANNELS) {
      const [group, method] = channel.split('.') as [string, string];
      const fn = (giftdesk as unknown as Record<string, Record<string, (p: unknown) => Promise<unknown>>>)[group]![method]!;
      expect(await fn({ probe: channel })).toEqual({ ok: true, value: { channel, payload: { probe: channel } } });
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('delivers only the subscribed event, and stops after unsubscribing', async () => {
    await import('../../main/electron/preload');
    const giftdesk = exposed.get('giftdesk') as GiftdeskBridge;
    const seen: unknown[] = [];
    const off = giftdesk.on('cards.count', (p) => seen.push(p));
    const push = (message: unknown) => listeners.forEach((l) => l({}, message));
    push({ name: 'cards.count', payload: { total: 3 } });
    push({ name: 'order.progress', payload: { orderId: 1 } });
    push('not an event');
    off();
    push({ name: 'cards.count', payload: { total: 4 } });
    expect(seen).toEqual([{ total: 3 }]);
    expect(() => giftdesk.on('secrets.leak' as never, () => undefined)).toThrow();
  });
});
