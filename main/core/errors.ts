// One error class per thing a person can act on. `kind` is what crosses IPC and the CLI's --json output.

export abstract class GiftdeskError extends Error {
  abstract readonly kind: string;
  /** The input field at fault, when there is one. */
  readonly field?: string;

  constructor(message: string, options?: { cause?: unknown; field?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.field !== undefined) this.field = options.field;
  }
}

export class ValidationError extends GiftdeskError {
  readonly kind = 'validation';
  constructor(field: string, message: string) {
    super(message, { field });
  }
}

export class NotFoundError extends GiftdeskError {
  readonly kind = 'not-found';
}

/** An event the order state machine does not allow in the order's state: refused, and nothing was written. */
export class IllegalOrderTransition extends GiftdeskError {
  readonly kind = 'illegal-transition';
  constructor(
    readonly orderId: number,
    readonly state: string,
    readonly event: string,
  ) {
    super(`Order ${orderId} is ${state}: "${event}" cannot happen to it now. Nothing was changed.`);
  }
}

/**
 * An event the custody state machine does not allow in the card's state (issuing a card of another hand-out, taking a
 * void card into one): bad input about that card, refused with a sentence, and nothing was written.
 */
export class IllegalCustodyTransition extends ValidationError {
  constructor(
    readonly cardId: number,
    readonly state: string,
    readonly event: string,
    message: string,
  ) {
    super('card', message);
  }
}

/**
 * An account's connection test failed before its key was saved: nothing was stored. The person may fix the key or
 * host, or save it anyway by saying so (the form's "Save anyway", the CLI's flag).
 */
export class ConnectionTestFailed extends GiftdeskError {
  readonly kind = 'connection-test-failed';
  constructor(providerWords: string, options?: { cause?: unknown }) {
    super(`The connection test failed, so nothing was saved: ${providerWords.replace(/\.?$/, '.')}`, options);
  }
}
