import type { Envelope } from '../../../shared/ipc/envelope';
import { useApp } from '../state/app-store';
import { call, UiError } from './api';

/**
 * Runs an act that may ask for the passcode again (an export, a whole order's sheet, an account's key or host, a new
 * recovery key): when main answers "passcode-required", the passcode dialog asks, main checks it, and the act runs
 * once more. Cancelled: a UiError saying nothing was done.
 */
export async function withPasscode<T>(act: () => Promise<Envelope<T>>): Promise<T> {
  try {
    return await call(act());
  } catch (err) {
    if (!(err instanceof UiError) || err.kind !== 'passcode-required') throw err;
    if (!(await useApp.getState().askPasscode(err.message))) {
      throw new UiError({ kind: 'cancelled', message: 'Nothing was done: the passcode was not typed again.' });
    }
    return call(act());
  }
}
