import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { auditSentencesNaming } from '../../shared/audit-sentences';
import { formatMoney } from '../../shared/money';
import { person, realKeychain, testVault } from '../support/core';
import { seedOrderHistory, type SeededOrder } from '../support/order-history-seed';
import { withRawDb } from '../support/raw-db';
import { buildRenderer, LAPTOP_SIZES, openApp, type AppHarness } from './harness/app-harness';

// The Orders screen after a year of use, in Chromium through the real core: 300 orders of two accounts seeded
// through the store and one placed for real on the sandbox. Search, filters, sort and totals over the virtualized
// history, one clock for every countdown, the order page (lines, ids, who placed it, timeline, sheets and files,
// name and memo), reversal in the app's own dialog, Order again and Edit and retry.

let dir: string;
let core: Core;
let app: AppHarness;
let seeded: SeededOrder[];
let placedId = 0;
const nav = () => app.page.getByRole('navigation', { name: 'Main' });
const rows = () => app.page.locator('.history-row[data-order]');
const totals = () => app.page.locator('.history-summary .totals');
const WAIT = { timeout: 20_000 };

/** "12 orders · 340 cards · A$1,234.00 · $56.00", as the screen says it, from the orders themselves. */
function totalsOf(orders: { currency: string; quantity: number; totalCents: number }[]): string {
  const plural = (n: number, one: string) => `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`;
  const currencies = [...new Set(orders.map((o) => o.currency))].sort();
  return [plural(orders.length, 'order'), plural(orders.reduce((n, o) => n + o.quantity, 0), 'card'), ...currencies.map((c) => formatMoney(orders.filter((o) => o.currency === c).reduce((n, o) => n + o.totalCents, 0), c))].join(' · ');
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-history-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e' });
  const accounts = core.accounts.list();
  seeded = withRawDb(core.dataDir, (db) => seedOrderHistory(db, accounts, 300, { seed: 18 }));
  const wpay = accounts.find((a) => a.name === 'Sandbox (Wpay)')!;
  const placed = await core.app.orders.place(person('sam', 'desktop'), { accountId: wpay.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2_500, quantity: 5 }], name: 'Staff party', memo: 'For the December party. Asked for by Jo.' });
  placedId = placed.id;
  expect((await core.engine.settled(placedId)).state).toBe('complete');
  // A card sheet saved of it earlier, as the app records one.
  core.audit.append(person('alex', 'cli'), { action: 'sheet.save', details: { orderId: placedId, reference: placed.clientReference, layout: 'a4-10', scratch: false, cards: 5, pages: 1, file: 'staff-party.pdf' } });
  app = await openApp(core, path.join(dir, 'renderer'));
}, 180_000);

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const everyOrder = () => [...seeded, { ...core.orders.get(placedId), product: 'Woolworths eGift Card' }];

describe('2. the order history', () => {
  it('lists a year of orders newest first in a virtualized table, with the totals of what is shown', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'Orders', exact: true }).click();
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(everyOrder()));
    // The order placed just now is the newest, named by its name.
    expect(await rows().first().getAttribute('data-order')).toBe(String(placedId));
    expect(await rows().first().textContent()).toContain('Staff party');
    // Sandbox, test or live, beside each order's account.
    expect(await rows().first().locator('.badge.env').textContent()).toBe('Sandbox');
    // Only what is in view (and a few more) is in the page, not 301 rows.
    expect(await rows().count()).toBeLessThan(40);
    await app.screenshotEverySize('order-history', undefined, LAPTOP_SIZES);
  });

  it('searches reference, name, memo and product, filters by state, account and days, and sorts; the totals follow', async () => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('volunteers');
    const volunteers = seeded.filter((o) => o.name === 'Volunteers');
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(volunteers));
    expect(new Set(await rows().locator('.title').allTextContents())).toEqual(new Set(['Volunteers']));

    await search.fill('Movie Night');
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(seeded.filter((o) => o.product === 'Movie Night eGift Card')));
    await search.fill('asked for by jo');
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(everyOrder().filter((o) => o.memo?.toLowerCase().includes('asked for by jo'))));
    await search.fill('');

    await page.getByLabel('State').selectOption({ label: 'Needs attention or failed' });
    const attention = seeded.filter((o) => o.state === 'needs-attention' || o.state === 'failed');
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(attention));
    expect(new Set(await rows().locator('.badge:not(.env)').allTextContents())).toEqual(new Set(['Needs attention', 'Failed']));

    const blackhawk = core.accounts.list().find((a) => a.name === 'Sandbox (Blackhawk)')!;
    await page.getByLabel('Account').selectOption({ label: 'Sandbox (Blackhawk)' });
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(attention.filter((o) => o.accountId === blackhawk.id)));
    await page.getByRole('button', { name: 'Clear the filters' }).click();

    const day = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    const middle = [...seeded].sort((a, b) => a.createdAt - b.createdAt)[150]!;
    const until = [...seeded].sort((a, b) => a.createdAt - b.createdAt)[200]!;
    await page.getByLabel('From').fill(day(middle.createdAt));
    await page.getByLabel('To').fill(day(until.createdAt));
    const inRange = seeded.filter((o) => day(o.createdAt) >= day(middle.createdAt) && day(o.createdAt) <= day(until.createdAt));
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(inRange));

    await page.getByLabel('Sort').selectOption({ label: 'Highest value first' });
    const dearest = [...inRange].sort((a, b) => b.totalCents - a.totalCents || b.id - a.id)[0]!;
    await expect.poll(() => rows().first().getAttribute('data-order'), WAIT).toBe(String(dearest.id));
    await page.getByLabel('Sort').selectOption({ label: 'Needs attention first' });
    await expect.poll(() => rows().first().locator('.badge:not(.env)').textContent(), WAIT).toBe(inRange.some((o) => o.state === 'needs-attention') ? 'Needs attention' : 'Failed');
    await app.screenshotEverySize('order-history-filtered', undefined, LAPTOP_SIZES);
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Sort').selectOption({ label: 'Newest first' });
    await expect.poll(() => totals().textContent(), WAIT).toBe(totalsOf(everyOrder()));
  });

  it('scrolls to the oldest order page by page, each order once', async () => {
    const { page } = app;
    const scroller = page.locator('.history-table .card-scroll');
    const seen = new Set<string>();
    for (let i = 0; i < 60 && seen.size < 301; i++) {
      for (const id of await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-order')!))) seen.add(id);
      await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight));
      await page.waitForTimeout(60);
    }
    expect(seen.size).toBe(301);
    const oldest = [...everyOrder()].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)[0]!;
    await expect.poll(() => rows().last().getAttribute('data-order'), WAIT).toBe(String(oldest.id));
    await scroller.evaluate((el) => el.scrollTo(0, 0));
  });

  it('one clock for every countdown: one timer however many rows count down, and only the countdowns change', async () => {
    const { page } = app;
    // Every timer of a second or less the window starts, counted from its first line of script.
    await page.addInitScript(() => {
      const active = new Set<number>();
      const set = window.setInterval.bind(window);
      const clear = window.clearInterval.bind(window);
      window.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
        const id = set(fn, ms, ...rest);
        if ((ms ?? 0) <= 1_000) active.add(id);
        return id;
      }) as typeof window.setInterval;
      window.clearInterval = ((id?: number) => {
        if (id !== undefined) active.delete(id);
        clear(id);
      }) as typeof window.clearInterval;
      (window as unknown as { secondTimers(): number }).secondTimers = () => active.size;
    });
    await page.reload();
    // The window opens on the overview, as the app does.
    await nav().getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByLabel('State').selectOption({ label: 'On their way' });
    await expect.poll(() => page.locator('.history-row .next-check').count(), WAIT).toBeGreaterThan(5);
    expect(await page.evaluate(() => (window as unknown as { secondTimers(): number }).secondTimers())).toBe(1);
    const watch = await page.evaluate(
      () =>
        new Promise<{ changed: string[] }>((resolve) => {
          const changed: string[] = [];
          const table = document.querySelector('.history-table')!;
          const observer = new MutationObserver((records) => {
            for (const r of records) {
              const el = r.target instanceof Element ? r.target : r.target.parentElement;
              changed.push(el?.closest('.next-check') ? 'countdown' : (el?.className ?? r.type));
            }
          });
          observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            resolve({ changed });
          }, 3_500);
        }),
    );
    // Something counted down (there are checks within the next 90 s), and nothing else in the table changed.
    expect(watch.changed.length).toBeGreaterThan(0);
    expect(new Set(watch.changed)).toEqual(new Set(['countdown']));
    await page.getByLabel('State').selectOption({ label: 'Any state' });
  });
});

describe('3. the order page', () => {
  it('opens from its row by keyboard, with its lines, ids, who placed it, its timeline and its sheets and files', async () => {
    const { page } = app;
    const order = core.orders.get(placedId);
    await rows().first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Staff party', level: 1 }).waitFor(WAIT);
    const article = page.getByRole('article', { name: 'Order Staff party' });
    expect(await article.textContent()).toContain('For the December party. Asked for by Jo.');
    expect(await article.getByText(order.clientReference).count()).toBe(1);
    expect(order.providerOrderId).not.toBeNull();
    expect(await article.getByText(order.providerOrderId!).count()).toBe(1);
    expect(await article.textContent()).toMatch(/Placed.* by sam in the desktop app/);
    const line = page.getByRole('table').filter({ hasText: 'Line total' }).locator('tbody tr');
    expect(await line.allTextContents()).toEqual(['Woolworths eGift CardWWQ651BHNWSHA$25.005' + '5' + 'A$125.00']);
    const timeline = page.getByRole('list', { name: 'What happened to this order, newest first' });
    expect(await timeline.textContent()).toContain(`Placed order ${placedId} 'Staff party' on 'Sandbox (Wpay)' (5 cards, A$125.00)`);
    expect(await timeline.textContent()).toContain(`Order ${placedId} 'Staff party' went from fetching to complete`);
    const outputs = page.getByRole('list', { name: 'Card sheets and files' });
    expect(await outputs.textContent()).toContain(`Saved a card sheet of order ${placedId} 'Staff party' to staff-party.pdf (5 cards, 1 page, A4, 10 per page (2 × 5))`);
    expect(await outputs.textContent()).toContain('alex, command line');
    // "View 5 cards" before the red "Reverse order"; "5 cards" everywhere, never "1 cards".
    const buttons = await article.locator('.actions button').allTextContents();
    expect(buttons.indexOf('View 5 cards')).toBeGreaterThanOrEqual(0);
    expect(buttons.indexOf('View 5 cards')).toBeLessThan(buttons.indexOf('Reverse order'));
    await app.screenshotEverySize('order-page', undefined, LAPTOP_SIZES);
    await app.screenshotEverySize('order-page-timeline', () => timeline.scrollIntoViewIfNeeded(), LAPTOP_SIZES);
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
  });

  it('changes the name and memo, audited, and the history shows the new name', async () => {
    const { page } = app;
    await page.getByLabel('Name', { exact: true }).fill('Staff party 2026');
    await page.getByRole('button', { name: 'Save name and memo' }).click();
    await page.getByRole('heading', { name: 'Staff party 2026', level: 1 }).waitFor(WAIT);
    const entry = core.app.audit.page(person(), { actions: ['order.name'], orderId: placedId }).entries[0]!;
    expect(entry).toMatchObject({ actor: { via: 'desktop' }, details: { name: 'Staff party 2026', previousName: 'Staff party', fields: ['name'] } });
    await page.getByRole('button', { name: '← All orders' }).click();
    await expect.poll(() => rows().first().locator('.title').textContent(), WAIT).toBe('Staff party 2026');
    await rows().first().click();
    await page.getByRole('heading', { name: 'Staff party 2026', level: 1 }).waitFor(WAIT);
  });

  it('asks for a reversal in a dialog of its own: "Keep it" does nothing, "Reverse order" reverses', async () => {
    const { page } = app;
    let browserDialogs = 0;
    page.on('dialog', () => void browserDialogs++);
    await page.getByRole('button', { name: 'Reverse order' }).click();
    const dialog = page.getByRole('dialog', { name: `Reverse order ${placedId} 'Staff party 2026'?` });
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain('5 cards (A$125.00)');
    // The safe choice has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await app.screenshotEverySize('order-reverse-dialog', undefined, LAPTOP_SIZES);
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(core.orders.get(placedId).state).toBe('complete');

    await page.getByRole('button', { name: 'Reverse order' }).click();
    await dialog.getByRole('button', { name: 'Reverse order' }).click();
    await expect.poll(() => page.getByRole('article').locator('.badge').first().textContent(), WAIT).toBe('Cancelled');
    expect(core.orders.get(placedId).state).toBe('cancelled');
    expect(browserDialogs).toBe(0);
  });

  it('"Order again" opens the wizard at the review with the same account and lines', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Order again' }).click();
    await page.getByRole('heading', { name: 'Review the order' }).waitFor(WAIT);
    expect(await page.getByRole('status').filter({ hasText: `Filled in from order ${placedId}` }).count()).toBe(1);
    await expect.poll(() => page.locator('.review').textContent(), WAIT).toContain('Sandbox (Wpay)');
    expect(await page.locator('.review').textContent()).toContain('5 cards');
    expect(await page.getByRole('button', { name: 'Place order for A$125.00' }).count()).toBe(1);
    // A new reference: the same one would be refused by the provider as a repeat (5313).
    expect(await page.locator('.review').textContent()).not.toContain(core.orders.get(placedId).clientReference);
    // Named on the review, placed, and named so in the history.
    await page.getByLabel('Name (optional)').fill('Staff party, second round');
    await page.getByRole('button', { name: 'Place order for A$125.00' }).click();
    await page.getByRole('article', { name: 'Order Staff party, second round' }).waitFor(WAIT);
    const again = core.orders.list()[0]!;
    expect(again).toMatchObject({ name: 'Staff party, second round', quantity: 5, totalCents: 12_500 });
    expect(core.app.audit.page(person(), { actions: ['order.place'], orderId: again.id }).entries[0]).toMatchObject({ actor: { via: 'desktop' }, details: { name: 'Staff party, second round' } });
    await core.engine.settled(again.id);
  });

  it('a failed order names why and what to do, and "Edit and retry" opens the wizard at the amounts', async () => {
    const { page } = app;
    const failed = seeded.find((o) => o.state === 'failed' && o.accountId === core.accounts.list().find((a) => a.name === 'Sandbox (Wpay)')!.id)!;
    await nav().getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill(`#${failed.id}`);
    await expect.poll(() => rows().count(), WAIT).toBe(1);
    await rows().first().click();
    const advice = page.locator('.advice');
    await advice.waitFor(WAIT);
    expect(await advice.textContent()).toContain('The prepaid balance was too low for this order.');
    expect(await advice.textContent()).toContain('Top up the prepaid account');
    await app.screenshotEverySize('order-page-failed', undefined, LAPTOP_SIZES);
    await page.getByRole('button', { name: 'Edit and retry' }).click();
    await page.getByLabel('Number of cards').waitFor(WAIT);
    expect(await page.getByLabel('Number of cards').inputValue()).toBe(String(failed.quantity));
    expect(await page.getByLabel(/^Value of each card/).inputValue()).toBe((failed.totalCents / failed.quantity / 100).toFixed(2));
    expect(await page.getByRole('status').filter({ hasText: `Filled in from order ${failed.id}` }).count()).toBe(1);
    await app.screenshotEverySize('order-edit-and-retry', undefined, LAPTOP_SIZES);
  });

  it('names an order in the Audit log by the name it has now, also in an entry written before it was named so', async () => {
    const { page } = app;
    const saved = core.app.audit.page(person(), { actions: ['sheet.save'], orderId: placedId }).entries[0]!;
    const sentence = auditSentencesNaming((id) => (id === placedId ? 'Staff party 2026' : null))(saved);
    expect(sentence).toContain("'Staff party 2026'");
    await nav().getByRole('button', { name: 'Audit log', exact: true }).click();
    await page.getByLabel('Order', { exact: true }).fill(String(placedId));
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('row').filter({ hasText: sentence }).first().waitFor(WAIT);
  });
});
