import { BrowserWindow, dialog, type BaseWindow } from 'electron';
import { copyFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { denyPermissionCheck, denyPermissionRequest } from './permission-policy';

/** What the renderer learns about a save or print: whether it happened. Never the path the user chose. */
export type SheetOutcome = { done: true } | { done: false; reason: 'cancelled' | 'failed'; message?: string };

/**
 * Saves a card-sheet PDF that core has rendered where the user picks. The chosen path stays here, in main.
 * `copyFile` is used rather than a rename because the source lives in the app's own folder and core owns its cleanup.
 */
export async function saveSheetAs(parent: BaseWindow, pdfPath: string, suggestedName: string): Promise<SheetOutcome> {
  const choice = await dialog.showSaveDialog(parent, {
    title: 'Save card sheet',
    defaultPath: suggestedName.endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { done: false, reason: 'cancelled' };
  try {
    await copyFile(pdfPath, choice.filePath);
    return { done: true };
  } catch (err) {
    return { done: false, reason: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Prints a card-sheet PDF through the system print dialog. Electron cannot hand a PDF file to a printer directly, so
 * the PDF is opened in a hidden window with Chromium's PDF viewer (plugins on) and that window is printed; since
 * electron/electron#43309 (Electron 30+) webContents.print() prints the PDF's pages rather than a blank viewer.
 * The window uses its own in-memory session so the main session's request blocking and CSP don't apply to the
 * viewer (which is itself a page with scripts, so JavaScript stays on); it may not navigate, open windows or ask for
 * permissions, and it is destroyed once the print dialog closes.
 */
export async function printSheet(pdfPath: string): Promise<SheetOutcome> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      partition: 'print-sheet',
      plugins: true, // the PDF viewer is a plugin; this window loads nothing but our own PDF file
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  contents.session.setPermissionRequestHandler(denyPermissionRequest);
  contents.session.setPermissionCheckHandler(denyPermissionCheck);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const target = pathToFileURL(pdfPath).href;
  contents.on('will-navigate', (event, url) => {
    if (url !== target) event.preventDefault();
  });
  try {
    await win.loadURL(target);
    return await new Promise<SheetOutcome>((resolve) => {
      contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        if (success) resolve({ done: true });
        else if (failureReason === 'Print job canceled') resolve({ done: false, reason: 'cancelled' });
        else resolve({ done: false, reason: 'failed', message: failureReason });
      });
    });
  } catch (err) {
    return { done: false, reason: 'failed', message: err instanceof Error ? err.message : String(err) };
  } finally {
    win.destroy();
  }
}
