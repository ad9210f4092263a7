import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { person, realKeychain, testVault } from '../support/core';
import { scanPdf } from '../support/tools';
import { buildRenderer, openApp, type AppHarness } from './harness/app-harness';

// A hand-out at an event, on the desktop: made from stock, its sheet printed on Avery 5371 card stock, and each card
// issued by typing what a USB scanner types (the printed barcode's value, then Enter) into the hand-out screen.

let dir: string;
let core: Core;
let app: AppHarness;
const saved = (name: string) => path.join(dir, 'saved', name);
const outputs = {
  chooseSavePath: async (what: { suggestedName: string }) => {
    mkdirSync(path.join(dir, 'saved'), { recursive: true });
    return saved(what.suggestedName);
  },
  print: async () => ({ done: true, reason: null }),
  preview: async () => {},
  chooseOpenPath: async () => null,
  chooseFolder: async () => null,
};
// Saving a sheet or a record renders a PDF: seconds on a busy machine, more than expect.poll's default second.
const WAIT = { timeout: 30_000, interval: 100 };
let sheetValues: string[] = [];
let otherValue = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-handouts-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e' });
  const account = core.accounts.findByName('Sandbox (Wpay)')!;
  const placed = await core.app.orders.place(person('e2e'), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2500, quantity: 12 }], pollEverySeconds: 0.5 });
  expect((await core.engine.settled(placed.id)).state).toBe('complete');
  app = await openApp(core, path.join(dir, 'renderer'), { outputs });
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const nav = (name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
const outcome = () => app.page.getByRole('status', { name: 'Outcome' });
const scan = async (value: string, to = '') => {
  const field = app.page.getByLabel('Scan a card, or type the last digits of its number, then Enter');
  await expect.poll(() => field.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
  if (to) {
    await app.page.getByLabel('To (optional)').fill(to);
    await field.focus();
  }
  // What a keyboard-wedge scanner does: types the characters, then Enter.
  await app.page.keyboard.type(value, { delay: 5 });
  await app.page.keyboard.press('Enter');
};

describe('a hand-out at the event', () => {
  it('shows stock at a glance, and makes a hand-out of 5 from it', async () => {
    const { page } = app;
    await nav('Stock').click();
    const row = page.getByRole('row', { name: /Woolworths/ });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('12');
    await app.screenshot('30-stock');

    await page.getByRole('button', { name: 'New hand-out' }).click();
    await page.getByRole('button', { name: 'New hand-out' }).click();
    await page.getByLabel('Name').fill('Volunteers night');
    await page.getByLabel('Date').fill('2026-03-14');
    await page.getByLabel('Place').fill('Town hall');
    const product = page.getByLabel('Product and value');
    const choice = await product.locator('option', { hasText: /Woolworths.*A\$25\.00 — 12 in stock/ }).getAttribute('value');
    await product.selectOption(choice!);
    await page.getByLabel('Cards').fill('5');
    await app.screenshot('31-handout-new');
    await page.getByRole('button', { name: 'Create hand-out' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Volunteers night' }).count(), WAIT).toBe(1);
    expect(await page.getByLabel('Remaining', { exact: true }).textContent()).toBe('5');

    // A second hand-out, made at the command line or by a colleague: its cards are not this one's.
    const picnic = core.app.custody.createHandout(person('colleague'), { name: 'Picnic', take: [{ sku: 'WWQ651BHNWSH', amountCents: 2500, count: 3 }] });
    const card = core.cards.get(core.app.custody.showHandout(person('e2e'), picnic.id).cardList[0]!.cardId)!;
    otherValue = card.barcode ?? card.number!;
  });

  it('prints the hand-out’s sheet on Avery 5371 with the business’s line, and its barcodes are the hand-out’s cards', async () => {
    const { page } = app;
    await page.getByText('Print or export cards').click();
    await page.getByLabel('Layout').selectOption('avery-5371');
    await page.getByLabel('Your line on each card').fill('Thank you for volunteering!');
    await page.getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(() => page.getByText('Sheet of 5 cards on 1 page saved.').count(), WAIT).toBe(1);
    const sheet = saved('handout-1-cards.pdf');
    sheetValues = scanPdf(sheet, mkdtempSync(path.join(dir, 'scan-'))).code128;
    const inHandout = core.app.custody.showHandout(person('e2e'), 1).cardList.map((c) => core.cards.get(c.cardId)!);
    expect([...sheetValues].sort()).toEqual(inHandout.map((c) => c.barcode ?? c.number!).sort());
    expect(execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8' }).split('Thank you for volunteering!').length - 1).toBe(5);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', sheet, path.join(process.cwd(), 'test-results', 'screens', '32-handout-sheet-avery-5371')]);
    await page.getByText('Print or export cards').click();
  });

  it('issues the scanned card, says "already issued" the second time, and refuses a card of another hand-out', async () => {
    const { page } = app;
    await scan(sheetValues[0]!, 'Robin');
    await expect.poll(() => outcome().locator('.outcome-headline').textContent(), WAIT).toBe('Issued');
    expect(await outcome().textContent()).toMatch(/to Robin/);
    expect(await page.getByLabel('Issued', { exact: true }).textContent()).toBe('1');
    expect(await page.getByLabel('Remaining', { exact: true }).textContent()).toBe('4');
    await app.screenshot('33-issue-issued');

    await scan(sheetValues[0]!);
    const issuedAt = core.app.custody.showHandout(person('e2e'), 1).cardList.find((c) => c.state === 'issued')!.issuedAt!;
    const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(issuedAt);
    await expect.poll(() => outcome().locator('.outcome-headline').textContent(), WAIT).toBe(`Already issued at ${time} to Robin`);
    await app.screenshot('34-issue-already-issued');

    await scan(otherValue);
    await expect.poll(() => outcome().locator('.outcome-headline').textContent(), WAIT).toBe('Not in this hand-out');
    expect(await outcome().textContent()).toContain('belongs to “Picnic”');
    await app.screenshot('35-issue-other-handout');

    await scan('0000NOT-A-CARD');
    await expect.poll(() => outcome().locator('.outcome-headline').textContent(), WAIT).toBe('Unknown card');
    await app.screenshot('36-issue-unknown');
    expect(await page.getByLabel('Issued', { exact: true }).textContent()).toBe('1');
    expect(core.app.custody.showHandout(person('e2e'), 2)).toMatchObject({ issued: 0, reserved: 3 });

    const last = core.cards.get(core.app.custody.showHandout(person('e2e'), 1).cardList.find((c) => c.state === 'reserved')!.cardId)!.number!.slice(-6);
    await scan(last, 'Kim');
    await expect.poll(() => outcome().locator('.outcome-headline').textContent(), WAIT).toBe('Issued');

    await app.screenshotEverySize('37-handout-desk');
  });

  it('returns the rest to stock in one step and saves the record to sign', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Return the rest to stock' }).click();
    await page.getByRole('button', { name: 'Yes, return them' }).click();
    await expect.poll(() => page.getByText('3 cards went back to stock.').count(), WAIT).toBe(1);
    expect(await page.getByLabel('Remaining', { exact: true }).textContent()).toBe('0');
    await page.getByRole('button', { name: 'Save hand-out record (PDF)…' }).click();
    await expect.poll(() => page.getByText('Hand-out record of 2 cards saved.').count(), WAIT).toBe(1);
    const record = execFileSync('pdftotext', ['-layout', saved('handout-1-record.pdf'), '-'], { encoding: 'utf8' });
    expect(record).toContain('Robin');
    expect(record).toContain('Kim');
    expect(record).toMatch(/Issued: 2 cards, A\$50\.00/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', saved('handout-1-record.pdf'), path.join(process.cwd(), 'test-results', 'screens', '38-handout-record')]);
    await app.screenshot('39-handout-returned');
  });

  it('finds cards by custody state, hand-out and recipient in the card browser', async () => {
    const { page } = app;
    await nav('Cards').click();
    await page.getByLabel('Custody').selectOption('issued');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.card-scroll .card-row:not(.head)').count(), WAIT).toBe(2);
    await page.getByLabel('Recipient').fill('Robin');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.card-scroll .card-row:not(.head)').count(), WAIT).toBe(1);
    await app.screenshot('40-cards-by-recipient');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Hand-out').selectOption({ label: 'Picnic' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.card-scroll .card-row:not(.head)').count(), WAIT).toBe(3);

    await nav('Stock').click();
    const row = page.getByRole('row', { name: /Woolworths/ });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent(), WAIT).toBe('7');
    for (const [size, scheme] of [
      [{ width: 1024, height: 768 }, 'light'],
      [{ width: 1024, height: 768 }, 'dark'],
      [{ width: 1600, height: 1000 }, 'dark'],
    ] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await app.screenshot(`41-stock-${size.width}-${scheme}`);
    }
  });
});
