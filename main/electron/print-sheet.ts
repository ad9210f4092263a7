import { BrowserWindow, dialog, type BaseWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import { denyPermissionCheck, denyPermissionRequest } from './permission-policy';

/** What the renderer learns about a save or print: whether it happened. Never the path the user chose. */
export type SheetOutcome = { done: true } | { done: false; reason: 'cancelled' | 'failed'; message?: string };

/**
 * Prints a card-sheet PDF through the system print dialog. Electron cannot hand a PDF file to a printer directly, so
 * the PDF is opened in a hidden window with Chromium's PDF viewer (plugins on) and that window is printed; since
 * electron/electron#43309 (Electron 30+) webContents.print() prints the PDF's pages rather than a blank viewer.
 * The window uses its own in-memory session so the main session's request blocking and CSP don't apply to the
 * viewer (which is itself a page with scripts, so JavaScript stays on); it may not navigate, open windows or ask for
 * permissions, and it is destroyed once the print dialog closes.
 */
export async function printSheet(pdfPath: string): Promise<SheetOutcome> {
  let win: BrowserWindow | undefined;
  try {
    win = await openPdfWindow(pdfPath, { show: false });
    const contents = win.webContents;
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
    win?.destroy();
  }
}

/**
 * Shows a card-sheet PDF in a window of its own, where the person pages through it and can print from the viewer.
 * Chromium reads the whole file when it loads it, so the caller may remove the file once this resolves.
 */
export async function previewSheet(pdfPath: string, title: string, parent?: BaseWindow): Promise<void> {
  const win = await openPdfWindow(pdfPath, { show: true, title, parent });
  win.focus();
}

/** A window holding nothing but one local PDF in Chromium's viewer, under the restrictions described above. */
async function openPdfWindow(pdfPath: string, options: { show: boolean; title?: string; parent?: BaseWindow }): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: options.show,
    title: options.title ?? 'Giftdesk',
    width: 900,
    height: 1000,
    ...(options.parent ? { parent: options.parent } : {}),
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
  } catch (err) {
    win.destroy();
    throw err;
  }
  return win;
}

/** Asks where to save a file; the path stays in main. */
export async function chooseSavePath(parent: BaseWindow | undefined, what: { title: string; suggestedName: string; extension: string }): Promise<string | null> {
  const options = {
    title: what.title,
    defaultPath: what.suggestedName,
    filters: [{ name: what.extension.toUpperCase(), extensions: [what.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}
