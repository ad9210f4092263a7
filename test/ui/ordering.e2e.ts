import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { maskCardNumber } from '../../shared/mask';
import { createAutoLock } from '../../main/electron/auto-lock';
import { openOrderPage } from './harness/order-page';
import { buildRenderer, openApp, type AppHarness } from './harness/app-harness';
import { realKeychain, TEST_PASSCODE, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { moveOrderTo } from '../support/order-states';

// Staff add an account, order 500 cards through the wizard, watch them arrive, find one card again and reveal it,
// and are stopped by a CSV with a bad row. The renderer is the real build; the core is real (keychain, encrypted
// store, sandbox provider); they meet through the same bridge the preload exposes.

// The sandbox's own key, typed into the form as a person would paste the key from their provider's portal.
let API_KEY: string;
const NEW_ACCOUNT = 'Event cards (sandbox)';

let dir: string;
let core: Core;
let app: AppHarness;
// The sandbox's switches, to run short of balance once.
const sandboxFaults = createFaultInstruments();
const lock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0 });
// The desktop shell's dialogs and print windows, stood in for: a save dialog that answers a folder of the test's, and
// print/preview that note which file they were handed (and whether it existed then).
const outputCalls: { what: 'print' | 'preview'; existed: boolean; file: string }[] = [];
const outputs = {
  chooseSavePath: async (what: { suggestedName: string }) => {
    mkdirSync(path.join(dir, 'saved'), { recursive: true });
    return path.join(dir, 'saved', what.suggestedName);
  },
  chooseOpenPath: async () => null,
  chooseFolder: async () => null,
  print: async (file: string) => {
    outputCalls.push({ what: 'print' as const, existed: existsSync(file), file });
    return { done: true, reason: null };
  },
  preview: async (file: string) => {
    outputCalls.push({ what: 'preview' as const, existed: existsSync(file), file });
  },
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e', sandbox: { instruments: sandboxFaults } });
  API_KEY = (await core.providers.sandbox()).apiKey;
  app = await openApp(core, path.join(dir, 'renderer'), { lock, outputs });
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const nav = (name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

describe('ordering cards through the desktop UI', () => {
  it('adds an account whose key goes to the keychain and is shown only as its last four characters', async () => {
    const { page } = app;
    await nav('Accounts').click();
    await expect.poll(() => page.getByRole('listitem', { name: 'Sandbox (Wpay)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('radio', { name: 'Sandbox' }).check();
    await page.getByLabel('Account name').fill(NEW_ACCOUNT);
    await page.getByLabel('API key').fill(API_KEY);
    await page.getByLabel('How often Giftdesk checks an order in progress').selectOption({ label: 'Every 2 seconds (the sandbox answers at once)' });
    await app.screenshot('01-accounts-add');
    await page.getByRole('button', { name: 'Test and add account' }).click();

    const item = page.getByRole('listitem', { name: NEW_ACCOUNT });
    await expect.poll(() => item.getByText(`Key stored ••••${API_KEY.slice(-4)}`).count()).toBe(1);
    const account = core.accounts.findByName(NEW_ACCOUNT)!;
    expect(await core.secrets.apiKey(account.id)).toBe(API_KEY);
    expect(account.pollEverySeconds).toBe(2);

    await item.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => item.getByText(/^Connected\./).count()).toBe(1);
    await app.screenshot('02-accounts');
  });

  it('orders 500 cards through the wizard and shows them arriving until the order is complete', async () => {
    const { page } = app;
    await nav('New order').click();
    await page.getByRole('radio', { name: new RegExp(NEW_ACCOUNT.replace(/[()]/g, '\\$&')) }).check();
    await app.screenshot('03-wizard-account');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Product SKU').fill('WWQ651BHNWSH');
    await app.screenshot('04-wizard-product');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel(/Value of each card/).fill('25');
    await page.getByLabel('Number of cards').fill('500');
    await app.screenshot('05-wizard-amounts');
    await page.getByRole('button', { name: 'Review' }).click();

    const review = page.locator('.review');
    await expect.poll(() => review.getByText('A$12,500.00').count()).toBeGreaterThan(0);
    expect(await review.getByText('500 cards').count()).toBe(1);
    expect(await review.getByText(/^Batch:/).count()).toBe(1);
    expect(await review.getByText(/debits A\$12,500\.00 from the prepaid account/).count()).toBe(1);
    const reference = (await review.locator('dd.mono').textContent())!.trim();
    await app.screenshot('06-wizard-review');
    expect(core.orders.list()).toHaveLength(0); // the review sends nothing

    // Desktop notifications: allowed, and every one the page shows is recorded on its way to the real API.
    await page.context().grantPermissions(['notifications']);
    await page.evaluate(() => {
      const shown: string[] = [];
      const Real = window.Notification;
      Object.assign(window, {
        __notifications: shown,
        Notification: class extends Real {
          constructor(title: string, options?: NotificationOptions) {
            super(title, options);
            shown.push(`${title}: ${options?.body ?? ''}`);
          }
        },
      });
    });
    await page.getByRole('button', { name: 'Place order for A$12,500.00' }).click();
    const card = page.getByRole('article', { name: `Order ${reference}` });
    await expect.poll(() => card.count()).toBe(1);
    await app.screenshot('07-progress');
    await expect.poll(() => card.getByText('500 of 500 cards stored').count(), { timeout: 90_000, interval: 500 }).toBe(1);
    expect(await card.getByText('Complete', { exact: true }).count()).toBe(1);
    await app.screenshot('08-progress-complete');
    const notifications = await page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications);
    // A notification shows on a locked screen and to whoever passes by: it names no order and no amount.
    expect(notifications).toEqual(['An order is complete: Open Giftdesk to see it.']);
    expect(notifications.join(' ')).not.toMatch(new RegExp(`${reference}|500|\\$|AUD`));

    const [order] = core.orders.list();
    expect(order).toMatchObject({ clientReference: reference, quantity: 500, totalCents: 1_250_000, state: 'complete' });
    expect(core.cards.count(order!.id)).toBe(500);

    const placed = await openOrderPage(page, reference);
    await expect.poll(() => placed.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await app.screenshot('09-orders');
  });

  it('prints, previews and saves the card sheet, and exports an encrypted ZIP whose generated passphrase is shown once', async () => {
    const { page } = app;
    const order = core.orders.list().find((o) => o.quantity === 500)!;
    const card = await openOrderPage(page, order.clientReference);
    await card.getByText('Print or export cards').click();

    await card.getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Sheet of 500 cards on 50 pages saved.');
    const sheet = path.join(dir, 'saved', `${order.clientReference}-cards.pdf`);
    const text = execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const c of core.cards.list(order.id).slice(0, 20)) expect(text).toContain(c.number!);

    await card.getByRole('button', { name: 'Preview' }).click();
    await card.getByRole('button', { name: 'Print…' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Sheet of 500 cards on 50 pages sent to the printer.');
    expect(outputCalls.map((c) => [c.what, c.existed])).toEqual([
      ['preview', true],
      ['print', true],
    ]);
    // The PDFs rendered for the print window and the preview are removed once they have been handed over.
    for (const c of outputCalls) expect(existsSync(c.file)).toBe(false);

    await card.getByLabel('Format').selectOption('zip');
    await card.getByRole('button', { name: 'Export…' }).click();
    const shown = card.getByLabel('Generated passphrase');
    // The export runs on a worker thread started for it: on a loaded machine that takes longer than poll's 1 s default.
    await expect.poll(() => shown.count(), { timeout: 30_000, interval: 250 }).toBe(1);
    const passphrase = (await shown.textContent())!;
    expect(passphrase.length).toBeGreaterThanOrEqual(20);
    await app.screenshot('09b-print-export');
    const zip = path.join(dir, 'saved', `${order.clientReference}-cards.zip`);
    const tested = spawnSync('7z', ['t', zip], { input: `${passphrase}\n`, encoding: 'utf8' });
    expect(tested.stdout).toMatch(/Everything is Ok/);
    const actions = core.audit.list({ subject: `order:${order.id}` }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sheet.save', 'sheet.preview', 'sheet.print', 'cards.export']));
    expect(JSON.stringify(core.audit.list())).not.toContain(passphrase);
  });

  it('finds a card by its last digits, reveals it on request and records the reveal in the audit log', async () => {
    const { page } = app;
    const [order] = core.orders.list();
    const target = core.cards.list(order!.id)[137]!;
    const masked = maskCardNumber(target.number, target.pin)!;

    await nav('Cards').click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(10);
    expect(await page.getByText(target.number!).count()).toBe(0);
    await app.screenshot('10-cards');

    await page.getByLabel('Card number or last digits').fill(target.number!.slice(-6));
    await page.getByRole('button', { name: 'Search' }).click();
    const reveal = page.getByRole('button', { name: `Reveal ${masked}` });
    await expect.poll(() => reveal.count()).toBe(1);
    expect(core.audit.list({ subject: `card:${target.id}` })).toHaveLength(0);
    // The page's clock is driven by the test from here, so the 15 s and 30 s timers can be stepped through.
    await page.clock.install();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await reveal.click();
    await expect.poll(() => page.getByText(target.number!, { exact: true }).count()).toBe(1);
    expect(await page.getByText(target.pin!, { exact: true }).count()).toBe(1);
    await app.screenshot('11-cards-revealed');

    await page.getByRole('button', { name: `Copy number of ${masked}` }).click();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(clipboard).toBe(target.number);
    await page.clock.runFor(15_500);
    await expect.poll(() => page.getByText(target.number!, { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Reveal ${masked}` }).count()).toBe(1);
    expect(await clipboard()).toBe(target.number);
    await page.clock.runFor(15_000);
    await expect.poll(clipboard).toBe('');

    const [entry] = core.audit.list({ subject: `card:${target.id}` });
    expect(entry).toMatchObject({ actor: { via: 'desktop' }, action: 'cards.reveal' });
    const details = JSON.stringify(entry!.details);
    expect(details).not.toContain(target.number!);
    expect(details).not.toContain(target.pin!);

    await nav('Audit log').click();
    // The entry reads as a sentence naming the card by its last four digits, with who revealed it.
    const row = page.getByRole('row').filter({ hasText: `Revealed the number and PIN of card ending ${target.number!.slice(-4)}` });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByText(`${core.user}, desktop app`).count()).toBe(1);
    await app.screenshot('12-audit-log');
  });

  it('offers a Blackhawk catalog and only the values a product allows', async () => {
    const { page } = app;
    const ordersBefore = core.orders.list().length;
    await nav('New order').click();
    await page.getByRole('radio', { name: /Sandbox \(Blackhawk\)/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    const starbucks = page.getByRole('radio', { name: /Starbucks eGift/ });
    await expect.poll(() => starbucks.count()).toBe(1);
    await starbucks.check();
    await app.screenshot('04b-wizard-product-catalog');
    await page.getByRole('button', { name: 'Next' }).click();
    const value = page.getByLabel(/Value of each card/);
    expect(await value.locator('option').allTextContents()).toEqual(['Choose a value', '$5.00', '$10.00', '$25.00', '$50.00', '$100.00']);
    await value.selectOption({ label: '$25.00' });
    await page.getByLabel('Number of cards').fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.locator('.review');
    const cells = review.getByRole('table', { name: 'What is being bought' }).locator('tbody tr td');
    await expect.poll(async () => (await cells.allTextContents()).map((t) => t.trim())).toEqual(['Starbucks eGift', 'Starbucks_eGift', '$25.00', '2', '$50.00']);
    expect(await review.getByText('Not reported by this provider').count()).toBe(1);
    await app.screenshot('06b-wizard-review-blackhawk');
    await page.getByRole('button', { name: 'Back' }).click();
    expect(core.orders.list()).toHaveLength(ordersBefore);
  });

  it('shows the row number of a bad CSV line and places nothing', async () => {
    const { page } = app;
    const ordersBefore = core.orders.list().length;
    const sandbox = await core.providers.sandbox();
    const submitsBefore = sandbox.stats().requests['POST /v1/partner/giftcards/orders'] ?? 0;
    await nav('New order').click();
    await page.getByRole('radio', { name: new RegExp(NEW_ACCOUNT.replace(/[()]/g, '\\$&')) }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Used before: WWQ651BHNWSH').count()).toBe(1);
    await page.getByRole('radio', { name: 'Several lines from a CSV file' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/CSV file/).setInputFiles({
      name: 'event-lines.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,amount,qty\nWWQ651BHNWSH,25,10\nBIGW100SBX,twenty,5\nWWMOVIESBX,50,2\n'),
    });
    const problems = page.getByRole('alert', { name: 'Rows to fix' });
    await expect.poll(() => problems.getByText(/^Row 3 \(amount\): "twenty" is not an amount/).count()).toBe(1);
    expect(await problems.getByRole('listitem').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Review' }).isDisabled()).toBe(true);
    await app.screenshot('13-wizard-csv-errors');
    expect(core.orders.list()).toHaveLength(ordersBefore);
    expect(sandbox.stats().requests['POST /v1/partner/giftcards/orders'] ?? 0).toBe(submitsBefore);
    expect(submitsBefore).toBeGreaterThan(0); // the key the count is read under is the one the 500-card order used
  });

  it('warns before a debit the balance cannot cover, and says in words what failed and what to do', async () => {
    const { page } = app;
    const balance = sandboxFaults.faults().balanceCents;
    sandboxFaults.setFaults({ balanceCents: 1_000 });
    try {
      await nav('New order').click();
      await page.getByRole('radio', { name: /Sandbox \(Wpay\)/ }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Product SKU').fill('WWQ651BHNWSH');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel(/Value of each card/).fill('25');
      await page.getByLabel('Number of cards').fill('4');
      await page.getByRole('button', { name: 'Review' }).click();
      const review = page.locator('.review');
      await expect.poll(() => review.getByText('The balance is lower than the total', { exact: false }).count()).toBe(1);
      expect(await review.getByText(/^Real time:/).count()).toBe(1);
      await page.getByRole('button', { name: 'Place order for A$100.00' }).click();
      const order = page.getByRole('article').filter({ hasText: 'Sandbox (Wpay)' });
      await expect.poll(() => order.getByText('Failed', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
      // The reason named from the provider's code (6063), with the provider's own words beside it, and the way out.
      expect(await order.getByText(/^The prepaid balance was too low for this order\. \(The provider refused the order/).count()).toBe(1);
      expect(await order.getByText(/^What to do: Top up the prepaid account/).count()).toBe(1);
      await app.screenshot('09b-order-failed');
      // The way out the advice names, at hand: the wizard again at the amounts, filled in from the failed order.
      await order.getByRole('button', { name: 'Edit and retry' }).click();
      await expect.poll(() => page.getByLabel('Number of cards').inputValue()).toBe('4');
      expect(await page.getByLabel(/Value of each card/).inputValue()).toBe('25.00');
    } finally {
      sandboxFaults.setFaults({ balanceCents: balance });
    }
  });

  it('keeps the card table light at 25,000 cards of one order: newest first, the oldest at once, pages fetched as it scrolls', async () => {
    const { page } = app;
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const now = Date.now();
    const bulk = core.orders.createDraft(
      { accountId: account.id, clientReference: 'bulk-25k', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 25_000 }] },
      now,
    );
    moveOrderTo(core.orders, bulk.id, 'complete');
    const cards = fakeCards(25_000, 7);
    core.cards.insertMany(bulk.id, cards, now);
    const lastMasked = maskCardNumber(cards[cards.length - 1]!.number, cards[cards.length - 1]!.pin)!;

    await (await openOrderPage(page, 'bulk-25k')).getByRole('button', { name: 'View 25,000 cards' }).click();
    // Newest first: the last card stored tops the table; the first one stored is one click away, not 25 pages.
    const scroller = page.getByLabel(/^Card rows/);
    const firstMasked = maskCardNumber(cards[0]!.number, cards[0]!.pin)!;
    await expect.poll(() => page.getByRole('button', { name: `Reveal ${lastMasked}` }).count()).toBe(1);
    await page.getByRole('button', { name: '↓ Oldest' }).click();
    await expect.poll(() => page.getByRole('button', { name: `Reveal ${firstMasked}` }).count()).toBe(1);
    expect(await scroller.getByRole('row').count()).toBeLessThan(80);
    // Scrolling up from the oldest reads page after page, the table staying light.
    for (let i = 0; i < 3; i++) {
      await scroller.evaluate((el) => {
        el.scrollTop = 0;
      });
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await scroller.getByRole('row').count()).toBeLessThan(80);
    }
    await app.screenshot('15-cards-25000');
  });

  it('hides every card while locked, refuses card calls, and shows them again after unlocking', async () => {
    const { page } = app;
    await nav('Cards').click();
    await expect.poll(() => page.getByRole('button', { name: /^Reveal / }).count()).toBeGreaterThan(5);
    await nav('Lock now').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Giftdesk is locked' }).count()).toBe(1);
    expect(lock.state).toBe('locked');
    expect(await page.getByRole('button', { name: /^Reveal / }).count()).toBe(0);
    expect(await page.locator('.card-row').count()).toBe(0);
    const search = await page.evaluate(() => window.giftdesk.cards.search({}));
    expect(search).toMatchObject({ ok: false, error: { kind: 'locked' } });
    await app.screenshot('16-locked');

    await page.getByLabel('Passcode').fill(TEST_PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Reveal / }).count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(lock.state).toBe('unlocked');

    lock.lock('system'); // the OS screen locked: main decides, the window follows
    await expect.poll(() => page.getByRole('heading', { name: 'Giftdesk is locked' }).count()).toBe(1);
    await page.getByLabel('Passcode').fill(TEST_PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => lock.state).toBe('unlocked');

    // The idle time is the person's choice, on the Settings page, kept in the store for the next start.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Lock after').selectOption('15');
    await expect.poll(() => lock.idleLimitMs).toBe(15 * 60_000);
    expect(core.settings.get<number>('lock.idleMinutes')).toBe(15);
  });

  it('can be driven from the keyboard: menu, choices and each step’s button', async () => {
    const { page } = app;
    await nav('Orders').click();
    await nav('New order').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: /Sandbox \(Wpay\)/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    const sku = page.getByLabel('Product SKU');
    await expect.poll(() => sku.count()).toBe(1);
    await sku.focus();
    await page.keyboard.type('WWQ651BHNWSH');
    await page.keyboard.press('Enter');
    await page.getByLabel(/Value of each card/).focus();
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('quantity');
    await page.keyboard.press('Enter');
    // The review of what was typed: one line, A$10.00 each, one card (the quantity's default), A$10.00 in all.
    const cells = page.locator('.review').getByRole('table', { name: 'What is being bought' }).locator('tbody tr td');
    await expect.poll(async () => (await cells.allTextContents()).map((t) => t.trim()).slice(2)).toEqual(['A$10.00', '1', 'A$10.00']);
  });

  it('fits a 1024×768 window and follows a dark system theme', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const screen of ['Orders', 'Cards', 'Accounts']) {
      await nav(screen).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    }
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(20, 23, 28)');
    await app.screenshot('14-accounts-dark-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('refuses a channel outside the contract and a payload that fails its schema, before any handler runs', async () => {
    const { page } = app;
    const auditBefore = core.audit.list({ limit: 1000 }).length;
    const unknown = await page.evaluate(() => window.__giftdeskInvoke('secrets.dump', {}));
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'unknown-channel' } });

    const [card] = core.cards.search({ limit: 1 });
    const bad = await page.evaluate((id) => window.__giftdeskInvoke('cards.reveal', { cardId: String(id) }), card!.id);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', field: 'cardId' } });
    const extra = await page.evaluate((id) => window.giftdesk.cards.reveal({ cardId: id, actor: 'x' } as never), card!.id);
    expect(extra).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(core.audit.list({ limit: 1000 })).toHaveLength(auditBefore); // a reveal that ran would have been logged
  });

  it('never sent the API key to the renderer, in any answer or event', () => {
    expect(app.traffic.length).toBeGreaterThan(20);
    const leaked = app.traffic.filter((t) => t.includes(API_KEY) || t.includes(API_KEY.slice(0, -4)));
    expect(leaked).toEqual([]);
  });
});
