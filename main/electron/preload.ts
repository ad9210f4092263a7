import { contextBridge } from 'electron';

// The renderer's only door to main. The typed API built from the IPC contract in shared/ goes here.
contextBridge.exposeInMainWorld('giftdesk', { version: 1 });
