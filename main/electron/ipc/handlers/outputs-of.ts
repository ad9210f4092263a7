import { GiftdeskError } from '../../../core/errors';
import type { DesktopOutputs, IpcContext } from '../ipc-context';

class OutputsUnavailable extends GiftdeskError {
  readonly kind = 'unavailable';
}

/** The shell's dialogs and print windows; where there is no shell, the channels that need them refuse. */
export function outputsOf(context: IpcContext): DesktopOutputs {
  if (!context.outputs) throw new OutputsUnavailable('Printing and saving files is only possible in the desktop app.');
  return context.outputs;
}
