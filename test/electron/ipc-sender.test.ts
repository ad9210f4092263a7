import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_START_URL } from '../../main/electron/app-origin';
import { isTrustedSender, trustedOnly, UntrustedSenderError, type IpcSenderEvent } from '../../main/electron/ipc-sender';

interface Frame {
  url: string;
  parent: Frame | null;
  processId: number;
  routingId: number;
}

const mainFrame = (url = APP_START_URL): Frame => ({ url, parent: null, processId: 7, routingId: 1 });
const event = (senderId: number, frame: Frame | null, main: Frame = mainFrame()): IpcSenderEvent => ({ sender: { id: senderId, mainFrame: main }, senderFrame: frame });
const expected = { webContentsId: 3 };

// Type-level: Electron's own IPC events are accepted by the check as they are (tsc verifies this file).
export const acceptsElectronEvents: Array<(e: IpcMainInvokeEvent | IpcMainEvent) => boolean> = [(e) => isTrustedSender(e, expected)];

describe('the IPC sender check', () => {
  it("accepts the app window's main frame showing the app", () => {
    const main = mainFrame();
    expect(isTrustedSender(event(3, main, main), expected)).toBe(true);
    const routed = mainFrame('app://giftdesk/index.html#/orders');
    expect(isTrustedSender(event(3, routed, routed), expected)).toBe(true);
  });

  it('refuses another window, a subframe, a destroyed frame, another origin, and any call before the window exists', () => {
    const main = mainFrame();
    expect(isTrustedSender(event(4, main, main), expected)).toBe(false);
    const child: Frame = { url: APP_START_URL, parent: main, processId: 7, routingId: 2 };
    expect(isTrustedSender(event(3, child, main), expected)).toBe(false);
    const otherFrameSameUrl: Frame = { url: APP_START_URL, parent: null, processId: 8, routingId: 1 };
    expect(isTrustedSender(event(3, otherFrameSameUrl, main), expected)).toBe(false);
    expect(isTrustedSender(event(3, null, main), expected)).toBe(false);
    for (const url of ['https://evil.test/', 'file:///index.html', 'app://evil/index.html', 'about:blank', 'devtools://devtools/']) {
      const f = mainFrame(url);
      expect(isTrustedSender(event(3, f, f), expected), url).toBe(false);
    }
    expect(isTrustedSender(event(3, main, main), { webContentsId: undefined })).toBe(false);
  });

  it('runs a wrapped handler for a trusted sender and never for an untrusted one', () => {
    const calls: number[] = [];
    const main = mainFrame();
    const handler = trustedOnly('cards:list', () => expected, (_e: IpcSenderEvent, n: number) => {
      calls.push(n);
      return n * 2;
    });
    expect(handler(event(3, main, main), 21)).toBe(42);
    expect(() => handler(event(9, main, main), 5)).toThrow(UntrustedSenderError);
    expect(() => handler(event(9, main, main), 5)).toThrow(/cards:list/);
    expect(calls).toEqual([21]);
  });

  it('reads the window on every call, so a recreated window is trusted and the old one is not', () => {
    let current = { webContentsId: 3 };
    const handler = trustedOnly('ping', () => current, () => 'pong');
    const main = mainFrame();
    expect(handler(event(3, main, main))).toBe('pong');
    current = { webContentsId: 10 };
    expect(() => handler(event(3, main, main))).toThrow(UntrustedSenderError);
    expect(handler(event(10, main, main))).toBe('pong');
  });
});
