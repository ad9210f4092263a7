// Bundled into the page before the renderer runs: window.giftdesk is the very bridge the preload builds, only its
// transport is the harness's event stream and POSTs (bridge-server.ts) instead of Electron IPC.
import { createBridge } from '../../../shared/ipc/bridge';
import type { Channel } from '../../../shared/ipc/contract';
import type { BridgeMessage } from './bridge-server';

declare global {
  interface Window {
    /** The raw transport, any channel and payload: what a compromised page could send past the typed bridge. */
    __giftdeskInvoke(channel: string, payload: unknown): Promise<unknown>;
  }
}

const listeners = new Set<(name: string, payload: unknown) => void>();
const pending = new Map<number, { resolve: (reply: unknown) => void; reject: (e: Error) => void }>();
let nextCall = 0;
const stream = new Promise<number>((resolve) => {
  const source = new EventSource('/__bridge/stream');
  source.onmessage = (e: MessageEvent<string>) => {
    const message = JSON.parse(e.data) as BridgeMessage;
    if ('stream' in message) resolve(message.stream);
    else if ('event' in message) listeners.forEach((l) => l(message.event, message.payload));
    else {
      const call = pending.get(message.call);
      pending.delete(message.call);
      if ('error' in message) call?.reject(new Error(message.error));
      else call?.resolve(message.reply);
    }
  };
});

window.__giftdeskInvoke = async (channel, payload) => {
  const call = ++nextCall;
  const body = JSON.stringify({ stream: await stream, call, channel, payload });
  const answered = new Promise<unknown>((resolve, reject) => pending.set(call, { resolve, reject }));
  await fetch('/__bridge/invoke', { method: 'POST', body });
  return answered;
};

window.giftdesk = createBridge({
  invoke: (channel: Channel, payload: unknown) => window.__giftdeskInvoke(channel, payload),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
