import { dialog, type BaseWindow, type OpenDialogOptions } from 'electron';

// The dialogs besides the save dialog (print-sheet.ts): a backup file to restore, a card sheet's logo, a folder for
// daily backups. main keeps the path; the renderer learns at most the file's or folder's name.

async function open(parent: BaseWindow | undefined, options: OpenDialogOptions): Promise<string | null> {
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0]!;
}

export function chooseOpenPath(parent: BaseWindow | undefined, what: { title: string; extension: string | readonly string[] }): Promise<string | null> {
  const extensions = typeof what.extension === 'string' ? [what.extension] : [...what.extension];
  return open(parent, { title: what.title, filters: [{ name: extensions.join(', '), extensions }], properties: ['openFile'] });
}

export function chooseFolder(parent: BaseWindow | undefined, what: { title: string }): Promise<string | null> {
  return open(parent, { title: what.title, properties: ['openDirectory', 'createDirectory'] });
}
