import { z } from 'zod';
import { channels, isChannel, type Channel } from '../../../shared/ipc/contract';
import { fail, ok, type Envelope, type IpcError } from '../../../shared/ipc/envelope';
import { GiftdeskError } from '../errors';
import type { AppContext } from './app-core';
import { handlers, type Handler } from './handlers';

/** Channels that hand out card data; they answer nothing while the app is locked. */
const CARD_DATA: readonly Channel[] = ['cards.search', 'cards.reveal', 'cards.sheet', 'cards.export'];

/**
 * The one way into the app's handlers, for Electron's ipcMain and for the e2e harness alike. The channel must be in
 * the contract and the payload must parse before a handler runs; the answer is parsed too, and always an envelope.
 */
export async function dispatch(channel: unknown, payload: unknown, context: AppContext): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return fail({ kind: 'unknown-channel', message: `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.` });
  }
  const spec = channels[channel];
  const request = spec.request.safeParse(payload);
  if (!request.success) return fail(fromZod(request.error));
  if (context.lock?.locked && CARD_DATA.includes(channel)) {
    return fail({ kind: 'locked', message: 'Giftdesk is locked. Unlock it to see card data.' });
  }
  try {
    const value = await (handlers[channel] as Handler<Channel>)(request.data as never, context);
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

export function toIpcError(err: unknown, channel: string): IpcError {
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
