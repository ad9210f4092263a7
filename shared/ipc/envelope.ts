import { z } from 'zod';

// Every answer that crosses IPC is one of these, so the renderer can always show a sentence, never
// "Error invoking remote method".

export const ipcErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: IpcError): Envelope<never> => ({ ok: false, error });
