import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { person, realKeychain, testVault } from '../support/core';
import { decryptOffice } from '../support/office-tools';
import { badgePng, pngHeader } from '../support/pngs';
import { mustRun } from '../support/tools';
import { openOrderPage } from './harness/order-page';
import { buildRenderer, openApp, type AppHarness } from './harness/app-harness';

// A newcomer's first order, from the built-in sandbox, printed and saved from the Orders screen: every card of the
// sheet says it is not a real card, and the card file offered first is the spreadsheet one, with the CSV's limits said.

let dir: string;
let core: Core;
let app: AppHarness;
let reference: string;
/** What the shell's open dialog answers next (the logo a person picks). */
let picked: string | null = null;
const saved = () => path.join(dir, 'saved');
const outputs = {
  chooseSavePath: async (what: { suggestedName: string }) => {
    mkdirSync(saved(), { recursive: true });
    return path.join(saved(), what.suggestedName);
  },
  chooseOpenPath: async () => picked,
  chooseFolder: async () => null,
  print: async () => ({ done: true, reason: null }),
  preview: async () => {},
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-files-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e' });
  const account = core.accounts.findByName('Sandbox (Wpay)')!;
  const placed = await core.app.orders.place(person('e2e'), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2500, quantity: 7 }], pollEverySeconds: 0.5 });
  expect((await core.engine.settled(placed.id)).state).toBe('complete');
  reference = placed.clientReference;
  app = await openApp(core, path.join(dir, 'renderer'), { outputs });
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const orderCard = () => app.page.getByRole('article', { name: `Order ${reference}` });

describe('card sheets and card files of a sandbox order', () => {
  it('saves a sheet on which every card carries "SANDBOX — NOT A REAL CARD"', async () => {
    const { page } = app;
    await openOrderPage(page, reference);
    await orderCard().getByText('Print or export cards').click();
    await orderCard().getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(() => orderCard().getByRole('status').textContent()).toBe('Sheet of 7 cards on 1 page saved.');

    const sheet = path.join(saved(), `${reference}-cards.pdf`);
    const text = execFileSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' });
    expect(text.split('SANDBOX — NOT A REAL CARD').length - 1).toBe(7);
    // One marking on each card: the card's own number and its marking come in the same order down the page.
    const order = core.orders.list().find((o) => o.clientReference === reference)!;
    for (const c of core.cards.list(order.id)) expect(text).toContain(c.number!);
    const pages = execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.map((p) => p.split('SANDBOX — NOT A REAL CARD').length - 1)).toEqual([7]);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', sheet, path.join(process.cwd(), 'test-results', 'screens', '20-sandbox-sheet')]);
  });

  it('offers the Excel workbook first, says the CSV is for programs, and saves a workbook that opens with the passphrase shown once', async () => {
    const { page } = app;
    const format = orderCard().getByLabel('Format');
    expect(await format.inputValue()).toBe('xlsx');
    await expect.poll(() => orderCard().getByText(/every card number, PIN and barcode is kept as text/).count()).toBe(1);
    await format.selectOption('zip');
    expect(await orderCard().getByText(/The CSV is for programs, not spreadsheets/).count()).toBe(1);
    await app.screenshot('21-export-csv-for-programs');
    await format.selectOption('xlsx');

    await orderCard().getByRole('button', { name: 'Export…' }).click();
    const shown = orderCard().getByLabel('Generated passphrase');
    // Office's key derivation (100,000 rounds of SHA-512) takes a few seconds on a busy machine.
    await expect.poll(() => shown.count(), { timeout: 30_000 }).toBe(1);
    const passphrase = (await shown.textContent())!;
    const file = path.join(saved(), `${reference}-cards.xlsx`);
    expect(existsSync(file)).toBe(true);
    expect(decryptOffice(file, passphrase, path.join(dir, 'plain.xlsx')).status).toBe(0);
    await app.screenshot('22-export-xlsx');

    for (const [size, scheme] of [
      [{ width: 1024, height: 768 }, 'dark'],
      [{ width: 1600, height: 1000 }, 'light'],
    ] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await app.screenshot(`23-export-${size.width}-${scheme}`);
    }
  });

  it('puts the chosen logo on every card of the saved sheet, refuses one too large with a sentence, and never shows its folder', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    const logos = path.join(dir, 'brand assets');
    mkdirSync(logos, { recursive: true });

    picked = path.join(logos, 'poster.png');
    pngHeader(picked, 20_000, 20_000);
    await orderCard().getByRole('button', { name: 'Logo…' }).click();
    await expect.poll(() => orderCard().getByRole('alert').textContent()).toContain('20,000 × 20,000 pixels');
    expect(await orderCard().getByRole('button', { name: 'Remove logo' }).count()).toBe(0);
    await app.screenshot('24-logo-too-large');

    picked = path.join(logos, 'acme-badge.png');
    const logo = badgePng(picked, 240);
    await orderCard().getByRole('button', { name: 'Logo…' }).click();
    const chosen = orderCard().getByRole('group', { name: 'Logo on each card' });
    await expect.poll(() => chosen.getByText('acme-badge.png', { exact: true }).count()).toBe(1);
    expect(await orderCard().getByRole('alert').count()).toBe(0);

    await orderCard().getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(() => orderCard().getByRole('status').textContent()).toBe('Sheet of 7 cards on 1 page saved.');
    const sheet = path.join(saved(), `${reference}-cards.pdf`);
    const images = mustRun('pdfimages', ['-list', sheet]).split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image');
    expect(images.map((c) => `${c[3]}×${c[4]}`)).toEqual(Array(7).fill(`${logo.width}×${logo.height}`));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', sheet, path.join(process.cwd(), 'test-results', 'screens', '25-sheet-with-logo')]);
    // The window learnt the file's name, never where it is.
    expect(app.traffic.some((t) => t.includes(logos))).toBe(false);

    await app.screenshotEverySize('26-logo-chosen', () => chosen.scrollIntoViewIfNeeded());

    await orderCard().getByRole('button', { name: 'Remove logo' }).click();
    expect(await chosen.getByText('acme-badge.png', { exact: true }).count()).toBe(0);
    // The status already says "saved": wait for the audit entry the new sheet writes once it is on disk.
    const order = core.orders.list().find((o) => o.clientReference === reference)!;
    const sheetsSaved = () => core.audit.list({ subject: `order:${order.id}` }).filter((e) => e.action === 'sheet.save').length;
    const before = sheetsSaved();
    await orderCard().getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(sheetsSaved, { timeout: 15_000 }).toBe(before + 1);
    expect(mustRun('pdfimages', ['-list', sheet]).split('\n').slice(2).filter((l) => l.trim() !== '')).toEqual([]);
  });
});
