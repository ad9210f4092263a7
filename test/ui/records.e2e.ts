import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { person, realKeychain, TEST_PASSCODE, testVault } from '../support/core';
import { testOutputs } from '../support/desktop';
import { mixedCards, storeOrder } from '../support/order-with-cards';
import { moveOrderTo } from '../support/order-states';
import { withRawDb } from '../support/raw-db';
import { openOrderPage } from './harness/order-page';
import { buildRenderer, LAPTOP_SIZES, openApp, type AppHarness } from './harness/app-harness';

// The records a business keeps, in Chromium through the real core: a year's audit log (100,000 entries) read as
// sentences, filtered and exported; the bookkeeper's reports; the Settings page; and the feedback of a big sheet.

const ENTRIES = 100_000;
let dir: string;
let core: Core;
let app: AppHarness;
let bigOrder = 0;
let bigReference = '';
let smallReference = '';
const saved = () => path.join(dir, 'saved');
const nav = () => app.page.getByRole('navigation', { name: 'Main' });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-records-'));
  mkdirSync(saved());
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e' });
  // A year of entries, oldest first: sheets printed (of the first order, made below), locks, unlocks, in the
  // vocabulary, as the app writes them.
  bigReference = 'Staff-party';
  const now = Date.now();
  const firstOrder = 1;
  withRawDb(core.dataDir, (db) => {
    const insert = db.prepare('INSERT INTO events (at, actor, action, subject, details, via, os_user) VALUES (?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ENTRIES; i++) {
        // Every five minutes, the last one now.
        const at = now - (ENTRIES - 1 - i) * 300_000;
        if (i % 10 === 0) insert.run(at, 'desktop', 'sheet.print', `order:${firstOrder}`, JSON.stringify({ orderId: firstOrder, reference: bigReference, layout: 'a4-10', scratch: false, cards: 40, pages: 4, sent: true }), 'desktop', 'sam');
        else insert.run(at, 'desktop', i % 2 ? 'lock.lock' : 'lock.unlock', 'app', JSON.stringify(i % 2 ? { reason: 'idle' } : { method: 'passcode' }), 'desktop', 'sam');
      }
    })();
  });
  // A big order of 2,000 cards, accepted now: the sheet's feedback is tried on it, and the reports count it.
  bigOrder = storeOrder(core, mixedCards(2_000), 'real', bigReference);
  expect(bigOrder).toBe(firstOrder);
  moveOrderTo(core.orders, bigOrder, 'accepted');
  core.orders.transition(bigOrder, 'ready', { acceptedAt: Date.now() }, person('engine', 'engine'), Date.now());
  core.orders.transition(bigOrder, 'stored', {}, person('engine', 'engine'), Date.now());
  smallReference = 'Volunteers';
  moveOrderTo(core.orders, storeOrder(core, mixedCards(5, 3), 'sandbox', smallReference), 'complete');
  app = await openApp(core, path.join(dir, 'renderer'), { outputs: testOutputs(saved()).outputs });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('1. the audit log', () => {
  it('reads as sentences with who did it, scrolls page after page, and goes to the oldest of 100,000 at once', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'Audit log' }).click();
    const rows = page.locator('.audit-row[data-entry]');
    await rows.first().waitFor();
    // Newest first: the last thing done was the second order completing.
    expect(await rows.first().textContent()).toMatch(/Order 2 'Volunteers' went from fetching to complete$/);
    await expect.poll(() => page.getByText("Printed a card sheet of order 1 'Staff-party' (40 cards, 4 pages, A4, 10 per page (2 × 5))").count()).toBeGreaterThan(0);
    expect(await page.getByText('sam, desktop app').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain('cards.print');
    await app.screenshotEverySize('audit-log', undefined, LAPTOP_SIZES);

    // Scrolled a few pages down, page after page as the person goes.
    const scroller = page.getByLabel('Audit entries, scroll for older ones');
    const lastId = async () => Number(await rows.last().getAttribute('data-entry'));
    const total = withRawDb(core.dataDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n);
    for (let i = 0; i < 3; i++) {
      const before = await lastId();
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect.poll(lastId, { timeout: 15_000 }).toBeLessThan(before);
    }
    expect(await lastId()).toBeLessThan(total - 500);
    // To the oldest of 100,000 at once (End), without a cap; the entries above it come as the person scrolls up.
    await scroller.focus();
    await page.keyboard.press('End');
    await expect.poll(lastId).toBe(1);
    await page.getByText('That is the oldest entry.').waitFor();
    // Up from there: the page above the 250 oldest comes in, and the rows in view stay in view.
    const ids = async () => (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-entry')))));
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(ids).toEqual(expect.arrayContaining([250, 251]));
    expect(await page.locator('*').count()).toBeLessThan(2_000);
    await app.screenshotEverySize('audit-log-oldest', undefined, LAPTOP_SIZES);
    // And back to the newest (the "Newest" button, as Home does).
    await page.getByRole('button', { name: '↑ Newest' }).click();
    await expect.poll(async () => Number(await rows.first().getAttribute('data-entry'))).toBeGreaterThanOrEqual(total);
  }, 300_000);

  it('filters by action, order and day, and exports what it shows as CSV', async () => {
    const { page } = app;
    await page.getByLabel('What').selectOption({ label: 'Card sheet printed' });
    await page.getByLabel('Order').fill(String(bigOrder));
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = page.locator('.audit-row[data-entry]');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('Printed a card sheet'))).toBe(true);
    // Yesterday and today only: the last entries of the seeded year.
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From').fill(day(new Date(Date.now() - 86_400_000)));
    await page.getByLabel('To').fill(day(new Date()));
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    const notice = page.getByRole('status').filter({ hasText: /^Saved [\d,]+ entries to / });
    await notice.waitFor();
    const file = readdirSync(saved()).find((f) => f.startsWith('Giftdesk audit log'))!;
    const csv = parse(readFileSync(path.join(saved(), file), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(csv.length).toBeGreaterThan(0);
    expect(csv.every((r) => r.action === 'sheet.print' && r.who === 'sam, desktop app')).toBe(true);
    expect(Number((await notice.textContent())!.match(/Saved ([\d,]+)/)![1]!.replace(/,/g, ''))).toBe(csv.length);
    await app.screenshotEverySize('audit-filtered', undefined, LAPTOP_SIZES);
  });
});

describe('2. reports', () => {
  it('shows spend by account and month, and saves it and the order history as XLSX', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'Reports' }).click();
    const total = page.locator('[data-total="AUD"]');
    await total.waitFor();
    // The 2,000 cards of A$25.00 were accepted today.
    expect(await total.textContent()).toBe('A$50,000.00');
    await app.screenshotEverySize('reports', undefined, LAPTOP_SIZES);
    await page.getByRole('button', { name: 'Save spend as XLSX…' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved 1 row to Giftdesk spend .*\.xlsx\. It holds no card numbers or PINs\.$/ }).waitFor();
    await page.getByRole('button', { name: 'Save order history as CSV…' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved 2 rows to Giftdesk orders/ }).waitFor();
    const history = readFileSync(path.join(saved(), readdirSync(saved()).find((f) => f.startsWith('Giftdesk orders'))!), 'utf8');
    expect(history).toContain('Staff-party');
    // Not one card number of the order is in the bookkeeper's file.
    for (const card of core.cards.list(bigOrder).slice(0, 50)) expect(history).not.toContain(card.number!);
  });
});

describe('3. settings', () => {
  it('has the auto-lock (no longer in the sidebar), clipboard time, default layout, poll cadence and low balance, each kept and audited', async () => {
    const { page } = app;
    expect(await nav().getByLabel('Lock after').count()).toBe(0);
    await nav().getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByLabel('Wipe copied numbers, PINs and passphrases after').selectOption('15');
    await page.getByRole('status').filter({ hasText: 'Copies are wiped after 15 s.' }).waitFor();
    await page.getByLabel('Layout to start with').selectOption({ label: 'A4, 1 per page' });
    await page.getByRole('status').filter({ hasText: 'Sheets start as A4, 1 per page.' }).waitFor();
    await page.getByLabel('Check live orders').selectOption({ label: 'Every 5 min' });
    await page.getByLabel('Warn when a prepaid balance falls below').fill('500');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'A balance below 500.00 is flagged.' }).waitFor();
    await page.getByLabel('Lock after').selectOption('15');
    await page.getByRole('status').filter({ hasText: 'Giftdesk locks after 15 min of no use.' }).waitFor();
    expect(core.app.settings.all(person())).toEqual({ clipboardSeconds: 15, defaultLayout: 'a4-1', defaultScratch: false, pollEverySeconds: 300, lowBalanceCents: 50_000 });
    const changes = core.app.audit.page(person(), { actions: ['settings.change'] }).entries.map((e) => e.details);
    expect(changes).toHaveLength(4);
    expect(changes).toContainEqual({ setting: 'clipboardSeconds', from: 30, to: 15 });
    await expect.poll(() => page.getByRole('heading', { name: 'Security and backups' }).count()).toBe(1);
    await app.screenshotEverySize('settings', undefined, LAPTOP_SIZES);
  });
});

describe('5. printing and exporting', () => {
  const orderCard = () => app.page.getByRole('article', { name: `Order ${bigReference}` });

  it('shows the page count, asks above 100 pages, shows progress, and Cancel leaves no file', async () => {
    const { page } = app;
    // The audit log took a while: the passcode is typed again, as the app would ask before a whole order's sheet.
    await core.app.vault.confirmPasscode(person(), TEST_PASSCODE);
    await page.setViewportSize({ width: 1024, height: 768 });
    await openOrderPage(page, bigReference);
    await orderCard().getByText('Print or export cards').click();
    // The default from Settings, named in words.
    const layout = orderCard().getByLabel('Layout');
    expect(await layout.inputValue()).toBe('a4-1');
    expect(await layout.locator('option:checked').textContent()).toBe('A4, 1 per page');
    await orderCard().getByText('2,000 cards on 2,000 pages.').waitFor();
    await layout.selectOption({ label: 'A4, 10 per page (2 × 5)' });
    await orderCard().getByText('2,000 cards on 200 pages.').waitFor();
    await layout.selectOption({ label: 'A4, 1 per page' });
    await orderCard().getByText('2,000 cards on 2,000 pages.').waitFor();

    await orderCard().getByRole('button', { name: 'Save PDF…' }).click();
    const confirm = orderCard().getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('This sheet is 2,000 pages (2,000 cards). Save all of it?');
    await app.screenshotEverySize('print-confirm', () => confirm.scrollIntoViewIfNeeded(), LAPTOP_SIZES);
    await page.setViewportSize({ width: 1024, height: 768 });
    await confirm.getByRole('button', { name: 'Save 2,000 pages' }).click();

    const bar = orderCard().getByRole('progressbar', { name: 'Making the card sheet' });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
    await app.screenshot('print-progress-1024');
    await orderCard().getByRole('button', { name: 'Cancel' }).click();
    const notice = orderCard().getByRole('status').filter({ hasText: 'Stopped. Nothing was saved or printed, and no part of the sheet was left behind.' });
    await notice.waitFor({ timeout: 60_000 });
    expect(readdirSync(saved()).filter((f) => f.startsWith(bigReference))).toEqual([]);
    expect(core.app.audit.page(person(), { actions: ['sheet.save'], orderId: bigOrder }).entries).toEqual([]);
    // Where the person is looking: the notice is inside the 1024×768 window.
    const box = (await notice.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await app.screenshot('print-stopped-1024');
  }, 180_000);

  it('shows a generated passphrase in its groups with Copy, wiped from the clipboard after the chosen time', async () => {
    const { page } = app;
    await core.app.vault.confirmPasscode(person(), TEST_PASSCODE);
    await page.clock.install();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1024, height: 768 });
    const card = await openOrderPage(page, smallReference);
    await card.getByText('Print or export cards').click();
    await card.getByRole('button', { name: 'Export…' }).click();
    const shown = card.getByLabel('Generated passphrase');
    await shown.waitFor({ timeout: 60_000 }).catch(async (err) => {
      await page.screenshot({ path: path.join('test-results', 'screens', 'passphrase-failed.png') });
      throw err;
    });
    const passphrase = (await shown.textContent())!;
    expect(passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
    // Never broken inside a group: each group is one unbreakable run on one line.
    const lines = await shown.locator('span').evaluateAll((spans) => spans.map((s) => new Set([...s.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size));
    expect(lines).toEqual([1, 1, 1, 1, 1, 1]);
    const box = (await shown.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await card.getByRole('button', { name: 'Copy', exact: true }).click();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(clipboard).toBe(passphrase);
    await card.getByText('Copied. Giftdesk wipes it from the clipboard in 15 s.').waitFor();
    await page.clock.runFor(14_000);
    expect(await clipboard()).toBe(passphrase);
    await page.clock.runFor(1_500);
    await expect.poll(clipboard).toBe('');
    expect(existsSync(path.join(saved(), `${smallReference}-cards.xlsx`))).toBe(true);
    await app.screenshotEverySize('passphrase-copy', () => shown.scrollIntoViewIfNeeded(), LAPTOP_SIZES);
  }, 180_000);
});
