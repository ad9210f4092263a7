import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { formatMoney } from '../../shared/money';
import { addTestAccount, person, realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { issuedCards } from '../support/issued-cards';
import { buildRenderer, openApp, type AppHarness } from './harness/app-harness';

// Balances on the desktop: a hand-out's cards checked with the provider (the built-in sandbox, which spends its cards
// as its seed says), its used and unspent totals; and the cards that expire soon, in stock and issued apart.

let dir: string;
let core: Core;
let app: AppHarness;
let handoutId: number;
const WAIT = { timeout: 30_000, interval: 100 };
const DAY = 86_400_000;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-balances-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({
    dataDir: path.join(dir, 'data'),
    keychain: realKeychain,
    ...testVault(),
    label: 'e2e',
    sandbox: { instruments: createFaultInstruments(), processing: { baseMs: 200, perCardMs: 0 }, balances: { windowMs: 1_000, spendOverMs: 0 } },
    balanceTiming: { windowMs: 1_000, marginMs: 200, watchMs: 100 },
  });
  const sandbox = core.accounts.findByName('Sandbox (Wpay)')!;
  ({ handoutId } = await issuedCards(core, sandbox.id, 10, 2_500, 'Volunteers night'));
  // Stock of another account that expires soon: 3 cards in 12 days, 2 in 50, 1 in 80; one card in 20 days handed out.
  const shop = addTestAccount(core, { name: 'Shop Wpay' });
  const inDays = [12, 12, 12, 50, 50, 80, 20];
  const now = Date.now();
  const cards = fakeCards(inDays.length, 4).map((c, i) => ({ ...c, expiry: date(now + inDays[i]! * DAY) }));
  const order = core.orders.createDraft({ accountId: shop.id, clientReference: 'GD-SOON', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: cards.length }] }, now);
  core.cards.insertMany(order.id, cards, now);
  const soon = core.app.custody.createHandout(person('e2e'), { name: 'Market stall', accountId: shop.id, take: [{ sku: 'TESTSKU', amountCents: 2500, count: 4 }] });
  core.app.custody.issue(person('e2e'), soon.id, [{ scan: cards[6]!.barcode! }]);
  core.app.custody.returnRest(person('e2e'), soon.id);
  app = await openApp(core, path.join(dir, 'renderer'));
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const nav = (name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

describe('balances on the desktop', () => {
  it("shows a hand-out's value handed out, used and unspent after its cards are checked, as the provider answered", async () => {
    const { page } = app;
    await nav('Hand-outs').click();
    await page.getByRole('button', { name: 'Open Volunteers night' }).click();
    const panel = page.getByRole('region', { name: 'Balances of the cards handed out' });
    const cell = (which: string) => panel.locator(`[data-total="${which}"]`);
    await expect.poll(() => cell('handed-out').textContent(), WAIT).toBe('A$250.00');
    expect(await cell('unknown').textContent()).toBe('A$250.00');
    await panel.getByRole('button', { name: 'Check balances with the provider' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), WAIT).toMatch(/10 of 10 cards answered · done/);

    // What the provider said, card by card, summed here independently of the app.
    const said = (await core.providers.sandbox()).stats().balancesAnswered;
    let used = 0;
    let unspent = 0;
    let unknown = 0;
    for (const k of core.custody.ofHandout(handoutId)) {
      const answer = said[core.cards.get(k.cardId)!.number!]!;
      if (answer.status !== 'ACTIVATED') unknown += k.amountCents;
      else {
        unspent += answer.balanceCents;
        used += k.amountCents - answer.balanceCents;
      }
    }
    expect(used).toBeGreaterThan(0);
    await expect.poll(() => cell('used').textContent(), WAIT).toBe(formatMoney(used, 'AUD'));
    expect(await cell('unspent').textContent()).toBe(formatMoney(unspent, 'AUD'));
    expect(await cell('unknown').textContent()).toBe(formatMoney(unknown, 'AUD'));
    await app.screenshotEverySize('60-handout-balances', () => panel.scrollIntoViewIfNeeded());
  }, 90_000);

  it('lists the cards that expire within 30, 60 and 90 days, in stock and issued apart', async () => {
    const { page } = app;
    await nav('Balances').click();
    const inStock = page.getByRole('region', { name: /^In stock:/ });
    const issued = page.getByRole('region', { name: /^Issued:/ });
    await expect.poll(() => inStock.getByRole('heading').textContent(), WAIT).toBe('In stock: 3 cards worth A$75.00');
    expect(await issued.getByRole('heading').textContent()).toBe('Issued: 1 card worth A$25.00');
    expect(await inStock.getByRole('row').count()).toBe(4);
    await app.screenshotEverySize('61-expiring-30');
    await page.getByLabel('90 days').check();
    await expect.poll(() => inStock.getByRole('heading').textContent(), WAIT).toBe('In stock: 6 cards worth A$150.00');
    expect(await issued.getByRole('heading').textContent()).toBe('Issued: 1 card worth A$25.00');
    // Cards are named by their last four digits and Giftdesk's id, never their number.
    const text = await page.locator('main').textContent();
    for (const k of core.balances.expiring(date(Date.now()), date(Date.now() + 90 * DAY))) expect(text).not.toContain(core.cards.get(k.cardId)!.number!);
    await app.screenshotEverySize('62-expiring-90');
  }, 60_000);

  it('sets the rate of balance checks in the account form', async () => {
    const { page } = app;
    await nav('Accounts').click();
    const account = page.getByRole('listitem', { name: 'Shop Wpay' });
    await account.getByRole('button', { name: 'Edit' }).click();
    const rate = page.getByLabel('Card balance checks a minute, at most');
    expect(await rate.inputValue()).toBe('50');
    await rate.fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('At least one balance check a minute.').count(), WAIT).toBe(1);
    await rate.fill('20');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => core.accounts.findByName('Shop Wpay')!.balanceRatePerMinute, WAIT).toBe(20);
  }, 60_000);
});
