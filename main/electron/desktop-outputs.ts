import { chooseFolder, chooseOpenPath } from './file-dialogs';
import type { DesktopOutputs } from './ipc/ipc-context';
import { chooseSavePath, previewSheet, printSheet } from './print-sheet';
import type { ShellContext } from './shell-context';

/** The desktop's save and open dialogs, print dialog and preview window, for the card outputs and the vault. */
export function desktopOutputs(shell: ShellContext): DesktopOutputs {
  return {
    chooseSavePath: (what) => chooseSavePath(shell.mainWindow(), what),
    chooseOpenPath: (what) => chooseOpenPath(shell.mainWindow(), what),
    chooseFolder: (what) => chooseFolder(shell.mainWindow(), what),
    print: async (pdfPath) => {
      const outcome = await printSheet(pdfPath);
      return outcome.done ? { done: true, reason: null } : { done: false, reason: outcome.reason };
    },
    preview: (pdfPath, title) => previewSheet(pdfPath, title, shell.mainWindow()),
  };
}
