import path from 'node:path';
import type { Core } from '../../main/core/create-core';
import type { AutoLock } from '../../main/electron/auto-lock';
import { toAppLock } from '../../main/electron/ipc-register';
import { desktopContext, type DesktopOutputs, type IpcContext } from '../../main/electron/ipc/ipc-context';

/** The context main's dispatch gives the handlers, over a core a test opened (the desktop app's actor). */
export function ipcContext(core: Core, options: { lock?: AutoLock; outputs?: DesktopOutputs } = {}): IpcContext {
  return desktopContext({ core: () => core, lock: options.lock ? toAppLock(options.lock) : null, outputs: options.outputs ?? null });
}

/**
 * The shell's dialogs stood in for: a save dialog that answers a file of that name in `dir`, open and folder dialogs
 * that answer what the test set, and print and preview that note what they were handed.
 */
export function testOutputs(dir: string, answers: { open?: string | null; folder?: string | null } = {}) {
  const calls: { what: 'print' | 'preview' | 'save' | 'open' | 'folder'; file: string | null }[] = [];
  const outputs: DesktopOutputs = {
    chooseSavePath: async (what) => {
      const file = path.join(dir, what.suggestedName);
      calls.push({ what: 'save', file });
      return file;
    },
    chooseOpenPath: async () => {
      calls.push({ what: 'open', file: answers.open ?? null });
      return answers.open ?? null;
    },
    chooseFolder: async () => {
      calls.push({ what: 'folder', file: answers.folder ?? null });
      return answers.folder ?? null;
    },
    print: async (file) => {
      calls.push({ what: 'print', file });
      return { done: true, reason: null };
    },
    preview: async (file) => {
      calls.push({ what: 'preview', file });
    },
  };
  return { outputs, calls, answers };
}
