import type { Channel, Channels } from '../../../../shared/ipc/contract';
import { ValidationError } from '../../../core/errors';
import type { HandlersFor } from '../dispatch';
import type { IpcContext } from '../ipc-context';

export type AppHandlers = HandlersFor<Channels, IpcContext>;

/** The handlers of one group of channels ("accounts", "orders"…), each a zod-parsed request turned into a command. */
export type HandlerGroup<G extends string> = Pick<AppHandlers, Extract<Channel, `${G}.${string}`>>;

/** Names a command's input field the way the channel's request names it, where the two differ. */
export async function withRequestFields<T>(names: Readonly<Record<string, string>>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ValidationError && err.field !== undefined && names[err.field]) throw new ValidationError(names[err.field]!, err.message);
    throw err;
  }
}
