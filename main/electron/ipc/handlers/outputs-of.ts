import { GiftdeskError } from '../../../core/errors';
import type { DesktopOutputs, IpcContext } from '../ipc-context';

class OutputsUnavailable extends GiftdeskError {
  readonly kind = 'unavailable';
}

/** The shell's dialogs and viewers; a channel that needs them refuses where there are none. */
export function outputsOf(context: IpcContext): DesktopOutputs {
  if (!context.outputs) throw new OutputsUnavailable('Printing, saving and opening files is only possible in the desktop app.');
  return context.outputs;
}
