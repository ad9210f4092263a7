// Bundled into the page before the renderer runs: window.giftdesk is the very bridge the preload builds, only its
// invoke reaches main's dispatch through a Playwright binding instead of Electron IPC.
import { createBridge } from '../../../shared/ipc/bridge';
import type { Channel } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    __giftdeskInvoke(channel: string, payload: unknown): Promise<unknown>;
    __giftdeskEmit(name: string, payload: unknown): void;
  }
}

const listeners = new Set<(name: string, payload: unknown) => void>();
window.__giftdeskEmit = (name, payload) => listeners.forEach((l) => l(name, payload));
window.giftdesk = createBridge({
  invoke: (channel: Channel, payload: unknown) => window.__giftdeskInvoke(channel, payload),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
