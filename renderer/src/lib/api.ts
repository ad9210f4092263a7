import type { GiftdeskBridge } from '../../../shared/ipc/bridge';
import type { Envelope, IpcError } from '../../../shared/ipc/envelope';

declare global {
  interface Window {
    /** Installed by the preload (or the e2e harness) from the IPC contract; the renderer's only way to main. */
    giftdesk: GiftdeskBridge;
  }
}

/** An error main answered with: its kind, the sentence to show, and the field at fault when there is one. */
export class UiError extends Error {
  readonly kind: string;
  readonly field: string | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.kind = error.kind;
    this.field = error.field;
  }
}

export const api = (): GiftdeskBridge => window.giftdesk;

/** The value of an answer, or a UiError carrying main's sentence. */
export async function call<T>(answer: Promise<Envelope<T>>): Promise<T> {
  const result = await answer;
  if (result.ok) return result.value;
  throw new UiError(result.error);
}

export function messageOf(err: unknown): string {
  if (err instanceof UiError) return err.message;
  return 'Giftdesk could not reach its core. Restart the app if this repeats.';
}
