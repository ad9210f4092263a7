import { systemPreferences } from 'electron';
import type { QuickUnlock } from '../core/app/lock/app-lock';

/**
 * macOS Touch ID as a quick unlock. The application layer allows it only after the passcode was typed once in this
 * run; here it is only asked for. Type-checked against Electron's types; it cannot run on the test machines.
 */
export function touchIdUnlock(platform: NodeJS.Platform = process.platform): QuickUnlock | null {
  if (platform !== 'darwin') return null;
  return {
    available: () => systemPreferences.canPromptTouchID(),
    prompt: (reason) => systemPreferences.promptTouchID(reason).then(
      () => true,
      () => false,
    ),
  };
}
