import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import type { Account, NewCard, OrderState } from '../../shared/domain';
import { formatMoney } from '../../shared/money';
import { addTestAccount, person, realKeychain, testVault } from '../support/core';
import { testOutputs } from '../support/desktop';
import { fakeCards } from '../support/fake-cards';
import { moveOrderTo } from '../support/order-states';
import { startStubServer } from '../support/stub-server';
import { buildRenderer, LAPTOP_SIZES, openApp, type AppHarness } from './harness/app-harness';

// The desk a person opens: the overview (balances with a low-balance warning set on it, spend this month and quarter,
// orders to look at, stock and what expires soon) with figures equal to what was seeded; sandbox, test and live told
// apart on every account; an account form that tests a key before it saves it; each wizard step's heading taking the
// focus; and no side menu to reach while locked. Chromium, the built renderer, the real core.

const GOOD_KEY = 'live-wpay-key-that-works-7781';
const WRONG_KEY = 'live-wpay-key-that-fails-0042';
const DAY = 86_400_000;

let dir: string;
let core: Core;
let app: AppHarness;
let wpay: Awaited<ReturnType<typeof startStubServer>>;
let live: Account;
// What was seeded, to count the expected figures from, independently of the app's own queries.
const seeded: { state: OrderState; acceptedAt: number | null; cents: number; cards: number }[] = [];
let inStock = { cards: 0, cents: 0 };
let expiringSoon = { cards: 0, cents: 0 };

const nav = () => app.page.getByRole('navigation', { name: 'Main' });
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An order of the live account in `state`, accepted at `acceptedAt`, holding `cards` (each A$25.00). */
function seedOrder(reference: string, state: OrderState, acceptedAt: number | null, quantity: number, cards: NewCard[] = [], reason: string | null = null) {
  const draft = core.orders.createDraft({ accountId: live.id, clientReference: reference, currency: 'AUD', lines: [{ sku: 'WW-EGIFT', faceValueCents: 2_500, quantity }] }, Date.now());
  if (cards.length > 0) core.cards.insertMany(draft.id, cards, Date.now());
  if (acceptedAt !== null) {
    moveOrderTo(core.orders, draft.id, 'accepted');
    core.orders.transition(draft.id, 'ready', { acceptedAt }, person('engine', 'engine'), Date.now());
  }
  moveOrderTo(core.orders, draft.id, state);
  if (reason) core.orders.note(draft.id, { stateReason: reason }, Date.now());
  seeded.push({ state, acceptedAt, cents: quantity * 2_500, cards: quantity });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-desk-'));
  mkdirSync(path.join(dir, 'saved'));
  buildRenderer(path.join(dir, 'renderer'));
  // A live Wpay host standing in on this machine: it knows one key, and answers any other with Wpay's 401 AP01.
  wpay = await startStubServer((req) =>
    req.headers['x-api-key'] !== GOOD_KEY
      ? { status: 401, body: { code: 'AP01', message: 'Invalid API key' } }
      : req.path === '/v1/partner/giftcards/sva/balance'
        ? { status: 200, body: { balance: '120.50', expiry: '2030-01-01', status: 'ACTIVATED', currency: { code: 'AUD', numericCode: '036', symbol: '$' } } }
        : { status: 404, body: { code: 'X', message: 'not here' } },
  );
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e' });
  live = addTestAccount(core, { name: 'Shop (live)', baseUrl: wpay.url });
  await core.secrets.setApiKey(live.id, GOOD_KEY);
  // Pointed at Wpay's documented test host, with no key: its balance cannot be asked, and nothing leaves this machine.
  addTestAccount(core, { name: 'Shop (test host)' });

  const now = Date.now();
  const today = new Date(now);
  const quarterStart = new Date(today.getFullYear(), today.getMonth() - (today.getMonth() % 3), 1).getTime();
  const soon = iso(now + 10 * DAY);
  const later = iso(now + 400 * DAY);
  const withExpiry = (n: number, seed: number, expiry: string) => fakeCards(n, seed).map((c) => ({ ...c, amountCents: 2_500, sku: 'WW-EGIFT', expiry }));
  seedOrder('Staff party', 'complete', now - 60_000, 4, withExpiry(4, 1, soon));
  seedOrder('Quarter start', 'complete', quarterStart + 3_600_000, 6, withExpiry(6, 2, later));
  seedOrder('Last year', 'complete', now - 400 * DAY, 2, withExpiry(2, 3, later));
  seedOrder('Stuck one', 'needs-attention', now - 120_000, 3, [], 'Wpay holds 2 of 3 cards: check the order with Wpay.');
  seedOrder('Refused', 'failed', null, 5, [], 'Wpay refused the order: insufficient balance (6063).');
  inStock = { cards: 12, cents: 12 * 2_500 };
  expiringSoon = { cards: 4, cents: 4 * 2_500 };
  app = await openApp(core, path.join(dir, 'renderer'), { outputs: testOutputs(path.join(dir, 'saved')).outputs });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await core?.close();
  await wpay?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Spend as a bookkeeper counts it, from the seeded orders: accepted since `from`, by a provider that has it. */
function expectedSpend(from: number): number {
  return seeded.filter((o) => o.acceptedAt !== null && o.acceptedAt >= from && ['complete', 'needs-attention', 'accepted', 'processing', 'fetching'].includes(o.state)).reduce((n, o) => n + o.cents, 0);
}

describe('1. the overview', () => {
  it('is what the app opens on, with figures equal to what was seeded', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const now = new Date();
    const month = expectedSpend(new Date(now.getFullYear(), now.getMonth(), 1).getTime());
    const quarter = expectedSpend(new Date(now.getFullYear(), now.getMonth() - (now.getMonth() % 3), 1).getTime());
    const spend = page.locator('.spend-line');
    await expect.poll(() => spend.filter({ hasText: 'This month' }).locator('.spend-amount').textContent()).toBe(formatMoney(month, 'AUD'));
    expect(await spend.filter({ hasText: 'This quarter' }).locator('.spend-amount').textContent()).toBe(formatMoney(quarter, 'AUD'));
    // The order accepted on the quarter's first day counts in the quarter, and in the month only in a quarter's first month.
    expect(quarter - month).toBe(now.getMonth() % 3 === 0 ? 0 : 6 * 2_500);

    const stock = page.getByRole('region', { name: 'Stock' });
    expect(await stock.getByText(`${inStock.cards} cards, ${formatMoney(inStock.cents, 'AUD')}`).count()).toBe(1);
    expect(await stock.getByText(`${expiringSoon.cards} cards, ${formatMoney(expiringSoon.cents, 'AUD')}`).count()).toBe(1);

    const attention = page.getByRole('region', { name: /^Need attention/ });
    expect(await attention.locator('.count').textContent()).toBe('1');
    expect(await attention.getByText('Wpay holds 2 of 3 cards: check the order with Wpay.').count()).toBe(1);
    const failed = page.getByRole('region', { name: /^Failed in the last 30 days/ });
    expect(await failed.getByText(/insufficient balance \(6063\)/).count()).toBe(1);

    // Each account's prepaid balance as its provider tells it, or why it cannot be told.
    const balances = page.getByRole('region', { name: 'Prepaid balances' });
    await expect.poll(() => balances.getByRole('listitem', { name: 'Shop (live)' }).textContent()).toContain('A$120.50');
    await expect.poll(() => balances.getByRole('listitem', { name: 'Shop (test host)' }).textContent()).toMatch(/No balance: no API key is stored for this account/);
    await expect.poll(() => balances.getByRole('listitem', { name: 'Sandbox (Wpay)' }).textContent()).toMatch(/A\$[\d,]+\.\d\d/);
    expect(await balances.getByRole('alert').count()).toBe(0);
  });

  it('warns of a low balance at the threshold set on the overview itself, kept as the Settings page’s', async () => {
    const { page } = app;
    const balances = page.getByRole('region', { name: 'Prepaid balances' });
    await page.getByLabel('Warn me when a balance is below').fill('500');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => balances.getByRole('alert').textContent()).toBe('Shop (live) is below your low-balance threshold: top up before the next order.');
    expect(await balances.getByRole('listitem', { name: 'Shop (live)' }).getByText('Low: below A$500.00').count()).toBe(1);
    expect(core.app.settings.all(person()).lowBalanceCents).toBe(50_000);
    await app.screenshotEverySize('overview', undefined, LAPTOP_SIZES);
  });

  it('opens the page of an order that needs attention in one click', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Open order \d+ \(Stuck one\)$/ }).click();
    await page.getByRole('heading', { name: /^Order \d+$/, level: 1 }).waitFor();
    expect(await page.getByRole('article', { name: 'Order Stuck one' }).count()).toBe(1);
  });
});

describe('2. sandbox, test and live, and 3. the account form', () => {
  it('badges every account on the Accounts screen', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'Accounts' }).click();
    const badge = (name: string) => page.getByRole('listitem', { name }).locator('.badge.env');
    await expect.poll(() => badge('Shop (live)').textContent()).toBe('Live');
    expect(await badge('Shop (test host)').textContent()).toBe('Test');
    expect(await badge('Sandbox (Wpay)').textContent()).toBe('Sandbox');
    await app.screenshotEverySize('accounts-badges', undefined, LAPTOP_SIZES);
  });

  it('guesses no production host, tests the key first, and saves a failing key only after "Save anyway"', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.locator('form.form');
    await form.getByRole('radio', { name: 'Wpay', exact: true }).check();
    // No host is chosen for the person; the test host is offered by name, and the live address starts empty.
    expect(await form.getByRole('radio', { name: /test host/ }).isChecked()).toBe(false);
    expect(await form.getByRole('radio', { name: /^Live, with real money/ }).isChecked()).toBe(false);
    expect(await form.getByText('https://pt-api.wpay.com.au').count()).toBe(1);
    await form.getByRole('radio', { name: /^Live, with real money/ }).check();
    expect(await form.getByLabel('Live address from Wpay').inputValue()).toBe('');
    await form.getByLabel('Account name').fill('Shop (second live)');
    await form.getByLabel('Currency the account pays in').selectOption({ label: 'Australian dollar (AUD)' });
    await form.getByLabel('Live address from Wpay').fill(wpay.url);
    await form.getByLabel('API key').fill(WRONG_KEY);
    // Plain words: no "base URL", no "seconds between status checks".
    expect(await form.textContent()).not.toMatch(/base URL|Seconds between/i);
    await form.getByRole('button', { name: 'Test and add account' }).click();

    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/^The connection test failed, so nothing was saved: .*HTTP 401 code AP01.*Invalid API key/);
    expect(core.accounts.findByName('Shop (second live)')).toBeNull();
    await app.screenshotEverySize('account-form-failed-test', undefined, LAPTOP_SIZES);

    await form.getByRole('button', { name: 'Save anyway' }).click();
    const item = page.getByRole('listitem', { name: 'Shop (second live)' });
    await item.waitFor();
    expect(await item.locator('.badge.env').textContent()).toBe('Live');
    // Saved, but not shown as if it worked: the account says what its provider answers to the key.
    await expect.poll(() => item.locator('.account-balance').textContent()).toBe('Prepaid balance: No balance: Invalid API key (AP01)');
    const saved = core.accounts.findByName('Shop (second live)')!;
    expect(saved).toMatchObject({ baseUrl: wpay.url, currency: 'AUD' });
    expect(await core.secrets.apiKey(saved.id)).toBe(WRONG_KEY);
    expect(core.audit.list({ subject: `account:${saved.id}` })[0]).toMatchObject({ details: { connection: 'saved-anyway' } });
  });

  it('saves a key that works after its test, with no "Save anyway" asked', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.locator('form.form');
    await form.getByRole('radio', { name: 'Wpay', exact: true }).check();
    await form.getByRole('radio', { name: /^Live, with real money/ }).check();
    await form.getByLabel('Account name').fill('Shop (works)');
    await form.getByLabel('Live address from Wpay').fill(wpay.url);
    await form.getByLabel('API key').fill(GOOD_KEY);
    await form.getByLabel('How often Giftdesk checks an order in progress').selectOption({ label: 'Every 15 minutes' });
    await form.getByRole('button', { name: 'Test and add account' }).click();
    const item = page.getByRole('listitem', { name: 'Shop (works)' });
    await item.waitFor({ timeout: 20_000 });
    await expect.poll(() => item.locator('.account-balance').textContent()).toBe('Prepaid balance: A$120.50 Low: below A$500.00');
    const saved = core.accounts.findByName('Shop (works)')!;
    expect(saved.pollEverySeconds).toBe(900);
    expect(core.audit.list({ subject: `account:${saved.id}` })[0]).toMatchObject({ details: { connection: 'tested' } });
  });

  it('shows each account’s badge and prepaid balance in the account picker, and the badge on the review', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'New order' }).click();
    const choice = page.locator('label.choice', { hasText: 'Shop (live)' });
    await expect.poll(() => choice.textContent()).toMatch(/Live.*Prepaid balance: A\$120\.50 Low: below A\$500\.00/);
    expect(await page.locator('label.choice', { hasText: 'Sandbox (Wpay)' }).locator('.badge.env').textContent()).toBe('Sandbox');
    expect(await page.locator('label.choice', { hasText: 'Shop (test host)' }).locator('.badge.env').textContent()).toBe('Test');
    await app.screenshotEverySize('wizard-account-picker', undefined, LAPTOP_SIZES);

    await page.getByRole('radio', { name: /Sandbox \(Wpay\)/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Product SKU').fill('WWQ651BHNWSH');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/Value of each card/).fill('25');
    await page.getByLabel('Number of cards').fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.locator('.review');
    await expect.poll(() => review.locator('dd', { hasText: 'Sandbox (Wpay)' }).locator('.badge.env').textContent()).toBe('Sandbox');
    await app.screenshotEverySize('wizard-review-badge', undefined, LAPTOP_SIZES);
  });
});

describe('4. focus and the lock', () => {
  const focused = () => app.page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

  it('gives each wizard step’s heading the focus, not the page body', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'New order' }).click();
    await expect.poll(focused).toEqual({ tag: 'H2', text: 'Which account pays for this order?' });
    await page.getByRole('radio', { name: /Sandbox \(Wpay\)/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(focused).toEqual({ tag: 'H2', text: 'What are you ordering?' });
    await page.getByLabel('Product SKU').fill('WWQ651BHNWSH');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'H2' });
    await page.getByLabel(/Value of each card/).fill('25');
    await page.getByLabel('Number of cards').fill('1');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect.poll(focused).toEqual({ tag: 'H2', text: 'Review the order' });
    // And back: the earlier step's heading again.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'H2' });
    // The next Tab goes into the step, not back to the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav') === null && document.activeElement !== document.body)).toBe(true);
  });

  it('leaves no side menu to click or tab to while locked', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Giftdesk is locked' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Accounts' }).count()).toBe(0);
    // Every stop of the keyboard's round is the lock screen's own: the passcode field and its buttons.
    const stops = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.add(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('id') ?? document.activeElement?.textContent?.trim()}`));
    }
    expect([...stops].every((s) => /^(INPUT:unlock-passcode|BUTTON:Unlock|BODY:.*)$/.test(s))).toBe(true);
    await app.screenshotEverySize('locked', undefined, LAPTOP_SIZES);
  });
});
