import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import { EVENT_CHANNEL, isChannel } from '../../shared/ipc/channel-names';
import { fail } from '../../shared/ipc/envelope';

// The renderer's only door to main: window.giftdesk, built from the IPC contract, and nothing else.

const bridge = createBridge({
  invoke: (channel, payload) => {
    if (!isChannel(channel)) return Promise.resolve(fail({ kind: 'unknown-channel', message: 'There is no such channel.' }));
    return ipcRenderer.invoke(channel, payload);
  },
  subscribe: (listener) => {
    const onEvent = (_event: IpcRendererEvent, message: unknown): void => {
      if (typeof message === 'object' && message !== null && 'name' in message && 'payload' in message) {
        listener(String(message.name), message.payload);
      }
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
});

contextBridge.exposeInMainWorld('giftdesk', bridge);
