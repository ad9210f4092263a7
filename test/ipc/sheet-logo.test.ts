import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { APP_START_URL } from '../../main/electron/app-origin';
import { createAutoLock, type AutoLock } from '../../main/electron/auto-lock';
import { registerIpc, type IpcHooks } from '../../main/electron/ipc-register';
import type { DesktopOutputs } from '../../main/electron/ipc/ipc-context';
import { addTestAccount, realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { badgePng, pngHeader } from '../support/pngs';
import { tempDir } from '../support/temp-dir';
import { mustRun } from '../support/tools';

// A logo on the desktop app's card sheets, through main's real registration (sender check, lock gate, dispatch) over
// a real core: chosen in the open dialog, kept in main, named by an id in the sheet request, checked as the CLI's is.

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;
type Answer = { ok: true; value: never } | { ok: false; error: { kind: string; message: string; field?: string } };

const WINDOW_ID = 7;
const eventFrom = (senderId: number) => {
  const frame = { url: APP_START_URL, parent: null, processId: 3, routingId: 1 };
  return { sender: { id: senderId, mainFrame: frame }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
};

let core: Core;
let handlers: Map<string, Handler>;
let hooks: IpcHooks;
let lock: AutoLock;
let dir: string;
/** What the open dialog answers next. */
let picked: string | null;
let dialogs: string[];
let orderId: number;

beforeEach(async () => {
  core = await createCore({ dataDir: tempDir(), keychain: realKeychain, ...testVault(), label: 'sheet logo test' });
  lock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0 });
  handlers = new Map();
  dir = tempDir();
  picked = null;
  dialogs = [];
  const outputs: DesktopOutputs = {
    chooseSavePath: async (what) => {
      dialogs.push('save');
      return path.join(dir, what.suggestedName);
    },
    chooseOpenPath: async (what) => {
      dialogs.push(`open ${[what.extension].flat().join(',')}`);
      return picked;
    },
    chooseFolder: async () => null,
    print: async () => ({ done: true, reason: null }),
    preview: async () => {},
  };
  hooks = registerIpc({
    ipcMain: { handle: (channel: string, h: Handler) => void handlers.set(channel, h), removeHandler: (channel: string) => void handlers.delete(channel) } as never,
    core: () => core,
    expected: () => ({ webContentsId: WINDOW_ID }),
    send: () => {},
    lock,
    outputs,
  });
  hooks.storeOpened();
  const order = core.orders.createDraft(
    { accountId: addTestAccount(core).id, clientReference: 'gd-logo-1', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 6 }] },
    Date.now(),
  );
  core.cards.insertMany(order.id, fakeCards(6), Date.now());
  orderId = order.id;
});
afterEach(async () => {
  hooks.unregister();
  await core.close();
});

const ask = (channel: string, payload: unknown = {}, sender = WINDOW_ID) => handlers.get(channel)!(eventFrom(sender), payload) as Promise<Answer>;

async function value<T>(answer: Promise<Answer>): Promise<T> {
  const a = await answer;
  if (!a.ok) throw new Error(`${a.error.kind}: ${a.error.message}`);
  return a.value as T;
}

/** A real PNG logo, and its width and height. */
function logoFile(name: string): { file: string; width: number; height: number } {
  const file = path.join(dir, name);
  return { file, ...badgePng(file, 180) };
}

/** The images a PDF draws, as "width×height" (pdfimages lists a PNG's alpha channel as a separate smask row). */
function imagesIn(pdf: string): string[] {
  return mustRun('pdfimages', ['-list', pdf])
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => `${cols[3]}×${cols[4]}`);
}

const chooseLogo = () => value<{ logo: { id: string; name: string } | null }>(ask('cards.chooseLogo'));

describe('a logo on the app’s card sheets', () => {
  it('is chosen in the open dialog, kept in main, and printed on every card of the order’s sheet saved with it', async () => {
    const logo = logoFile('acme-logo.png');
    picked = logo.file;
    const answer = await chooseLogo();
    expect(answer.logo).toEqual({ id: expect.any(String), name: 'acme-logo.png' });
    expect(JSON.stringify(answer)).not.toContain(dir);
    expect(dialogs).toEqual(['open png,jpg,jpeg']);

    const sheet = { orderId, layout: 'a4-10', scratch: false, action: 'save' };
    expect(await value(ask('cards.sheet', { ...sheet, logo: answer.logo!.id }))).toMatchObject({ done: true, cards: 6 });
    const pdf = path.join(dir, 'gd-logo-1-cards.pdf');
    expect(imagesIn(pdf)).toEqual(Array(6).fill(`${logo.width}×${logo.height}`));

    // Without it (the panel's "Remove logo"), the same sheet has no image at all.
    expect(await value(ask('cards.sheet', { ...sheet, logo: null }))).toMatchObject({ done: true, cards: 6 });
    expect(imagesIn(pdf)).toEqual([]);
  });

  it('prints on a hand-out’s sheet too, with the business’s line', async () => {
    const logo = logoFile('acme-logo.png');
    picked = logo.file;
    const { id } = (await chooseLogo()).logo!;
    const handout = await value<{ id: number }>(ask('handouts.create', { name: 'Gala dinner', take: [{ sku: 'TESTSKU', amountCents: 2500, count: 4 }] }));
    const saved = await value(ask('handouts.sheet', { handoutId: handout.id, layout: 'avery-5371', scratch: false, message: 'Thank you for volunteering!', logo: id, action: 'save' }));
    expect(saved).toMatchObject({ done: true, cards: 4 });
    const pdf = path.join(dir, `handout-${handout.id}-cards.pdf`);
    expect(imagesIn(pdf)).toEqual(Array(4).fill(`${logo.width}×${logo.height}`));
    expect(mustRun('pdftotext', [pdf, '-']).split('Thank you for volunteering!').length - 1).toBe(4);
  });

  it('refuses a 20,000 × 20,000 PNG, or a file that is no image, as it is chosen, with a sentence that names no folder', async () => {
    picked = path.join(dir, 'huge.png');
    pngHeader(picked, 20_000, 20_000);
    const huge = await ask('cards.chooseLogo');
    expect(huge).toMatchObject({ ok: false, error: { kind: 'validation', field: 'logo', message: expect.stringContaining('20,000 × 20,000 pixels') } });
    expect(JSON.stringify(huge)).not.toContain(dir);

    picked = path.join(dir, 'notes.png');
    writeFileSync(picked, 'not an image at all');
    expect(await ask('cards.chooseLogo')).toMatchObject({ ok: false, error: { field: 'logo', message: 'The logo must be a PNG or JPEG image.' } });

    picked = path.join(dir, 'gone.png');
    const gone = await ask('cards.chooseLogo');
    expect(gone).toMatchObject({ ok: false, error: { field: 'logo', message: 'Cannot read the logo gone.png: there is no such file.' } });

    // Cancelling the dialog is no error: there is just no logo.
    picked = null;
    expect(await chooseLogo()).toEqual({ logo: null });
  });

  it('refuses at saving a logo that became too large after it was chosen, and an id main never gave; nothing is written', async () => {
    const logo = logoFile('acme-logo.png');
    picked = logo.file;
    const { id } = (await chooseLogo()).logo!;
    const bigger = path.join(dir, 'bigger.png');
    pngHeader(bigger, 20_000, 20_000);
    renameSync(bigger, logo.file);

    const sheet = { orderId, layout: 'a4-10', scratch: false, action: 'save' };
    expect(await ask('cards.sheet', { ...sheet, logo: id })).toMatchObject({ ok: false, error: { field: 'logo', message: expect.stringContaining('20,000 × 20,000 pixels') } });
    for (const action of ['save', 'print', 'preview']) {
      expect(await ask('cards.sheet', { ...sheet, action, logo: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
        ok: false,
        error: { field: 'logo', message: 'Giftdesk no longer has that logo: choose it again.' },
      });
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    expect(existsSync(path.join(dir, 'gd-logo-1-cards.pdf'))).toBe(false);
  });

  it('opens no dialog while locked, nor for a caller other than the app window', async () => {
    picked = (logoFile('acme-logo.png')).file;
    expect(await ask('cards.chooseLogo', {}, 8)).toMatchObject({ ok: false, error: { kind: 'untrusted-sender' } });
    lock.lock('manual');
    expect(await ask('cards.chooseLogo')).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(dialogs).toEqual([]);
  });
});
