import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { maskCardNumber } from '../../shared/mask';
import type { Card } from '../../shared/domain';
import { realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { moveOrderTo } from '../support/order-states';
import { buildRenderer, LAPTOP_SIZES, openApp, type AppHarness } from './harness/app-harness';

// The Cards table after a while of use (issue 18, Deliver 4), in Chromium through the real core: it fits 1024×768 with
// its Reveal buttons in view, reads newest first with a date column and the order's name, sorts by value and expiry,
// goes to either end at once, and takes new cards in while an order fetches from the sandbox.

const DAY = 86_400_000;
let dir: string;
let core: Core;
let app: AppHarness;
/** Three orders stored on three days (oldest first), each of its own value and expiry. */
const seeded: { reference: string; cards: Card[] }[] = [];
const nav = (name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
const scroller = () => app.page.getByLabel(/^Card rows/);
const rows = () => scroller().getByRole('row').filter({ has: app.page.getByRole('cell') });
/** The masked number of each row on screen, top to bottom. */
const shownNumbers = async () => (await rows().locator('[role=cell]:first-child > span:first-child').allTextContents()).map((t) => t.trim());
const masked = (c: Card) => maskCardNumber(c.number, c.pin)!;
/** The orders the rows on screen belong to, each once. */
const shownOrders = async () => [...new Set(await rows().locator('[role=cell]:nth-child(3) .clip').allTextContents())];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-cards-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e' });
  const account = core.accounts.findByName('Sandbox (Wpay)')!;
  const now = Date.now();
  const kinds = [
    { reference: 'Staff-party', value: 2500, expiry: '2028-06-30', daysAgo: 60, n: 1_200 },
    { reference: 'Volunteers', value: 10_000, expiry: '2027-01-31', daysAgo: 20, n: 500 },
    { reference: 'Client-gifts', value: 5000, expiry: '2029-12-31', daysAgo: 2, n: 800 },
  ];
  kinds.forEach((k, i) => {
    const order = core.orders.createDraft({ accountId: account.id, clientReference: k.reference, currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: k.value, quantity: k.n }] }, now - k.daysAgo * DAY);
    core.cards.insertMany(order.id, fakeCards(k.n, 20 + i).map((c) => ({ ...c, amountCents: k.value, expiry: k.expiry })), now - k.daysAgo * DAY);
    moveOrderTo(core.orders, order.id, 'complete');
    seeded.push({ reference: k.reference, cards: core.cards.list(order.id) });
  });
  app = await openApp(core, path.join(dir, 'renderer'));
}, 180_000);

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Cards table', () => {
  it('fits 1024×768 with the first row’s Reveal button in view, newest first, with the day stored and the order', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await nav('Cards').click();
    const newest = seeded[2]!.cards.at(-1)!;
    await expect.poll(async () => (await shownNumbers())[0]).toBe(masked(newest));
    const first = rows().first();
    // The order by its name, its account's badge below it (these are sandbox orders).
    expect(await first.getByRole('cell').nth(2).locator('.clip').textContent()).toBe('Client-gifts');
    expect(await first.getByRole('cell').nth(2).locator('.badge.env').textContent()).toBe('Sandbox');
    expect(await first.getByRole('cell').nth(3).textContent()).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(newest.storedAt));
    const box = (await first.getByRole('button', { name: /^Reveal / }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    // Nothing scrolls sideways: the header's columns sit over the rows' columns.
    expect(await scroller().evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    const headX = await page.getByRole('columnheader', { name: 'Expiry' }).evaluate((el) => el.getBoundingClientRect().x);
    const cellX = await first.getByRole('cell').nth(4).evaluate((el) => el.getBoundingClientRect().x);
    expect(Math.abs(headX - cellX)).toBeLessThan(1);
    expect(await page.getByRole('region', { name: 'Cards' }).getByText('2,500 cards stored').count()).toBe(1);

    // Revealed, its copy buttons fit as well.
    await first.getByRole('button', { name: /^Reveal / }).click();
    await expect.poll(() => first.getByRole('button', { name: /^Hide / }).count()).toBe(1);
    const hide = (await first.getByRole('button', { name: /^Hide / }).boundingBox())!;
    expect(hide.x + hide.width).toBeLessThanOrEqual(1024);
    expect(await first.getByText(newest.number!, { exact: true }).count()).toBe(1);
    await app.screenshotEverySize('cards-revealed', undefined, LAPTOP_SIZES);
    await first.getByRole('button', { name: /^Hide / }).click();
    await app.screenshotEverySize('cards', undefined, LAPTOP_SIZES);
  });

  it('goes to the oldest card and back to the newest at once, by button and by End and Home', async () => {
    const { page } = app;
    const oldest = seeded[0]!.cards[0]!;
    const newest = seeded[2]!.cards.at(-1)!;
    const before = app.traffic.length;
    await page.getByRole('button', { name: '↓ Oldest' }).click();
    await expect.poll(async () => (await shownNumbers()).at(-1)).toBe(masked(oldest));
    // One page asked for, not the 25 between the ends.
    expect(app.traffic.slice(before).filter((t) => t.includes('"nextAfterId"')).length).toBe(1);
    const last = rows().last();
    expect(await last.getByRole('cell').nth(2).locator('.clip').textContent()).toBe('Staff-party');
    const box = (await last.getByRole('button', { name: /^Reveal / }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual((await page.viewportSize())!.height);
    expect(await page.locator('.card-row').count()).toBeLessThan(80);
    await app.screenshot('cards-oldest');

    // Scrolling up from the oldest reads the page above, keeping the rows in view where they were: the 100 oldest
    // are in, newest of them at the top; the card stored just after it comes in above it, out of sight.
    const staff = seeded[0]!.cards;
    await scroller().evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => scroller().evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const inView = await shownNumbers();
    expect(inView).toContain(masked(staff[99]!));
    expect(inView).toContain(masked(staff[100]!));

    await scroller().focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await shownNumbers())[0]).toBe(masked(newest));
    await page.keyboard.press('End');
    await expect.poll(async () => (await shownNumbers()).at(-1)).toBe(masked(oldest));
    await page.getByRole('button', { name: '↑ Newest' }).click();
    await expect.poll(async () => (await shownNumbers())[0]).toBe(masked(newest));
  });

  it('sorts by value and by expiry, each either way', async () => {
    const { page } = app;
    const sort = page.getByLabel('Sort');
    const firstValue = async () => (await rows().first().getByRole('cell').nth(1).locator('span').first().textContent())!;
    await sort.selectOption({ label: 'Highest value first' });
    await expect.poll(firstValue).toBe('A$100.00');
    await sort.selectOption({ label: 'Lowest value first' });
    await expect.poll(firstValue).toBe('A$25.00');
    await sort.selectOption({ label: 'Expiring soonest first' });
    await expect.poll(() => rows().first().getByRole('cell').nth(4).textContent()).toBe('31 Jan 2027');
    await page.getByRole('button', { name: '↓ Expiring last' }).click();
    await expect.poll(() => rows().last().getByRole('cell').nth(4).textContent()).toBe('31 Dec 2029');
    await sort.selectOption({ label: 'Oldest first' });
    await expect.poll(async () => (await shownNumbers())[0]).toBe(masked(seeded[0]!.cards[0]!));
    await app.screenshotEverySize('cards-by-expiry', async () => {
      await sort.selectOption({ label: 'Expiring soonest first' });
      await expect.poll(() => rows().first().getByRole('cell').nth(4).textContent()).toBe('31 Jan 2027');
    }, LAPTOP_SIZES);
    await sort.selectOption({ label: 'Newest first' });
  });

  it('opens on an order from its page, and lists every order in the order filter once the person reaches for it', async () => {
    const { page } = app;
    await nav('Orders').click();
    const row = page.getByRole('row').filter({ hasText: 'Volunteers' });
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'View 500 cards' }).click();
    const filter = page.getByLabel('Order', { exact: true });
    await expect.poll(() => shownOrders()).toEqual(['Volunteers']);
    expect(await filter.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Volunteers (500 cards)');
    await expect.poll(() => page.getByRole('region', { name: 'Cards' }).getByText('showing those that match').count()).toBe(1);

    await filter.focus();
    expect(await filter.locator('option').allTextContents()).toEqual(['All orders', 'Client-gifts (800 cards)', 'Volunteers (500 cards)', 'Staff-party (1,200 cards)']);
    await filter.selectOption({ label: 'Client-gifts (800 cards)' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => shownOrders()).toEqual(['Client-gifts']);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(async () => (await shownNumbers())[0]).toBe(masked(seeded[2]!.cards.at(-1)!));
    expect(await filter.inputValue()).toBe('');
  });

  it('finds a card by its last digits in any order, and takes in new cards as an order fetches them from the sandbox', async () => {
    const { page } = app;
    // The three orders' numbers share their tails: the last digits find one card of each, the whole number only its own.
    const target = seeded[1]!.cards[321]!;
    await page.getByLabel('Card number or last digits').fill(target.number!.slice(-5));
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rows().getByRole('cell').nth(2).locator('.clip').allTextContents()).toEqual(['Client-gifts']);
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().nth(1).getByRole('cell').nth(2).locator('.clip').textContent()).toBe('Volunteers');
    await page.getByLabel('Card number or last digits').fill(target.number!);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await shownNumbers()).toEqual([masked(target)]);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(async () => (await shownNumbers())[0]).toBe(masked(seeded[2]!.cards.at(-1)!));

    // Ordered while the table is open (as the CLI or a second window would): nothing is clicked on Cards after this.
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await page.evaluate(
      (accountId) => window.giftdesk.orders.place({ accountId, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1000, quantity: 600 }], reference: 'live-600' }),
      account.id,
    );
    if (!placed.ok) throw new Error(placed.error.message);
    await core.engine.settled(placed.value.id);
    const arrived = core.cards.list(placed.value.id);
    expect(arrived).toHaveLength(600);
    const newest = core.cards.search({ limit: 1 })[0]!;
    expect(newest.orderId).toBe(placed.value.id);
    await expect.poll(async () => (await shownNumbers())[0], { timeout: 20_000 }).toBe(masked(newest));
    expect(await rows().first().getByRole('cell').nth(2).locator('.clip').textContent()).toBe('live-600');
    await expect.poll(() => page.getByRole('region', { name: 'Cards' }).getByText('3,100 cards stored').count()).toBe(1);
    // The cards that came in sit above the ones that were there, none twice.
    const shown = await shownNumbers();
    expect(new Set(shown).size).toBe(shown.length);
    await page.getByRole('button', { name: '↓ Oldest' }).click();
    await expect.poll(async () => (await shownNumbers()).at(-1)).toBe(masked(seeded[0]!.cards[0]!));
    await app.screenshot('cards-after-live-order');
  }, 120_000);
});
