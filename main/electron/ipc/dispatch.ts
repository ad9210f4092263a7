import type { z } from 'zod';
import { asStoreDamage } from '../../core/app/store-damage';
import type { Contract } from '../../../shared/ipc/contract';
import { fail, ok, type Envelope, type IpcError } from '../../../shared/ipc/envelope';
import { GiftdeskError } from '../../core/errors';
import type { AppLock } from '../../core/app/lock/app-lock';

/** One handler per channel of a contract, typed by the channel's schemas; a missing or extra one is a compile error. */
export type HandlersFor<K extends Contract, Ctx> = {
  [C in keyof K]: (request: z.output<K[C]['request']>, context: Ctx) => Promise<z.input<K[C]['response']>>;
};

/**
 * The one way into a contract's handlers, for Electron's ipcMain (after its sender check) and for the e2e harness
 * alike. The channel must be in the contract; every channel but the lock's own passes the lock gate, then its payload
 * must parse; the answer is parsed too, and always an envelope.
 */
export async function dispatch<K extends Contract, Ctx extends { lock: AppLock | null }>(
  contract: K,
  handlers: HandlersFor<K, Ctx>,
  channel: unknown,
  payload: unknown,
  context: Ctx,
): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
    return fail({ kind: 'unknown-channel', message: `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.` });
  }
  const spec = contract[channel]!;
  try {
    // While locked only the lock's own channels answer: accounts, orders, card outputs, settings, all are refused,
    // before their payload is even read (a refusal says nothing of what the payload would have done).
    if (!spec.whileLocked) context.lock?.assertUnlocked();
  } catch (err) {
    return fail(toIpcError(err, channel));
  }
  const request = spec.request.safeParse(payload);
  if (!request.success) return fail(fromZod(request.error));
  try {
    const value = await handlers[channel]!(request.data as never, context);
    const answer = spec.response.safeParse(value);
    if (!answer.success) {
      // Never sent half-checked: a handler answering outside its schema is a bug, reported without the data.
      console.error(`giftdesk: the answer on ${channel} does not match the contract (${answer.error.issues[0]?.path.join('.')})`);
      return fail({ kind: 'internal', message: 'Giftdesk produced an answer it could not check. Nothing was shown.' });
    }
    return ok(answer.data);
  } catch (err) {
    return fail(toIpcError(err, channel));
  }
}

export function toIpcError(thrown: unknown, channel: string): IpcError {
  const err = asStoreDamage(thrown);
  if (err instanceof GiftdeskError) {
    return err.field === undefined ? { kind: err.kind, message: err.message } : { kind: err.kind, message: err.message, field: err.field };
  }
  // Unexpected errors may carry anything in their message; the renderer gets a sentence, the log gets the class name.
  console.error(`giftdesk: ${channel} failed unexpectedly (${err instanceof Error ? err.name : typeof err})`);
  return { kind: 'unexpected', message: 'Something went wrong in Giftdesk. Nothing was sent; try again, and restart the app if it repeats.' };
}

function fromZod(error: z.ZodError): IpcError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue ? issue.message : 'The request is not valid.';
  return field ? { kind: 'validation', message, field } : { kind: 'validation', message };
}
