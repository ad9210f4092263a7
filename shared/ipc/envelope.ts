// Every answer that crosses IPC is one of these, so the renderer can always show a sentence, never
// "Error invoking remote method". Plain types, no zod: the preload builds envelopes too.

export interface IpcError {
  kind: string;
  message: string;
  /** The request field at fault, named as in the channel's request schema. */
  field?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: IpcError): Envelope<never> => ({ ok: false, error });
