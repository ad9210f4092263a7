import { GiftdeskError } from '../core/errors';
import { APP_ORIGIN } from './app-origin';

/** The parts of an Electron IPC event the check reads; IpcMainInvokeEvent and IpcMainEvent both have them. */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: FrameRef };
  readonly senderFrame: FrameRef | null;
}

interface FrameRef {
  readonly url: string;
  readonly parent: FrameRef | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface TrustedSenderExpectation {
  /** webContents.id of the app's own window; undefined while no window exists. */
  readonly webContentsId: number | undefined;
  readonly origin?: string;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * True only for a message from our own window's main frame, showing a page of the app origin. An iframe, a
 * navigated-away page, another window or a frame that is already gone are all refused.
 */
export function isTrustedSender(event: IpcSenderEvent, expected: TrustedSenderExpectation): boolean {
  if (expected.webContentsId === undefined || event.sender.id !== expected.webContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return originOf(frame.url) === (expected.origin ?? APP_ORIGIN);
}

export class UntrustedSenderError extends GiftdeskError {
  readonly kind = 'untrusted-sender';
  constructor(readonly channel: string) {
    super(`IPC call on ${channel} refused: it did not come from the Giftdesk window.`);
  }
}

/**
 * Wraps an IPC handler so it runs only for a trusted sender. registerChannels (ipc-register.ts) wraps every channel
 * of the contract in it, so no handler can be registered without it. The expectation is read on each call because
 * the window can be recreated.
 */
export function trustedOnly<E extends IpcSenderEvent, A extends unknown[], R>(
  channel: string,
  expected: () => TrustedSenderExpectation,
  handler: (event: E, ...args: A) => R,
): (event: E, ...args: A) => R {
  return (event, ...args) => {
    if (!isTrustedSender(event, expected())) throw new UntrustedSenderError(channel);
    return handler(event, ...args);
  };
}
