import { GiftdeskError } from '../errors';

/** An error as it crosses between threads: structured clone keeps no class, so its kind and field travel as data. */
export interface TransferredError {
  kind: string;
  message: string;
  field?: string;
}

/**
 * An error from a worker thread, rebuilt on the main thread with the kind it was thrown with, so that a refusal in
 * the worker (a bad layout, an unprintable barcode, a full disk) reaches the person as that, not as "something went
 * wrong".
 */
export class WorkerError extends GiftdeskError {
  constructor(
    readonly kind: string,
    message: string,
    field?: string,
  ) {
    super(message, field === undefined ? undefined : { field });
  }
}

/** What a worker sends for an error: a GiftdeskError keeps its kind; anything else is `otherKind`, with its message. */
export function transferError(err: unknown, otherKind: string): TransferredError {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof GiftdeskError) return { kind: err.kind, message, ...(err.field !== undefined ? { field: err.field } : {}) };
  return { kind: otherKind, message };
}

export function receiveError(t: TransferredError): WorkerError {
  return new WorkerError(t.kind, t.message, t.field);
}
