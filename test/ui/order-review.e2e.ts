import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { person, realKeychain, testVault } from '../support/core';
import { buildRenderer, openApp, type AppHarness } from './harness/app-harness';

// What the review of an order says is being bought, read in the built renderer in Chromium, over the real core and
// its sandbox: every line named, and a Wpay SKU the account never received a card of flagged before anything is sent.

let dir: string;
let core: Core;
let app: AppHarness;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-review-'));
  buildRenderer(path.join(dir, 'renderer'));
  core = await createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, ...testVault(), label: 'e2e', sandbox: { processing: { baseMs: 200, perCardMs: 0.2 } } });
  app = await openApp(core, path.join(dir, 'renderer'));
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = () => app.page;
const review = () => page().locator('.review');
const lineRows = () => review().getByRole('table', { name: 'What is being bought' }).locator('tbody tr');

/** Through the wizard to its review: the account, then a typed SKU (Wpay) or a catalog product (Blackhawk), value, quantity. */
async function reviewOrder(account: string, product: { sku: string } | { name: string }, value: string, quantity: string): Promise<void> {
  await page().getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New order', exact: true }).click();
  await page().getByRole('radio', { name: new RegExp(account.replace(/[()]/g, '\\$&')) }).check();
  await page().getByRole('button', { name: 'Next' }).click();
  if ('sku' in product) await page().getByLabel('Product SKU').fill(product.sku);
  else await page().getByRole('radio', { name: new RegExp(product.name) }).check();
  await page().getByRole('button', { name: 'Next' }).click();
  await page().getByLabel(/Value of each card/).fill(value);
  await page().getByLabel('Number of cards').fill(quantity);
  await page().getByRole('button', { name: 'Review' }).click();
  await expect.poll(() => lineRows().count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

async function cells(row: number): Promise<string[]> {
  return (await lineRows().nth(row).locator('td').allTextContents()).map((t) => t.trim());
}

async function screenshots(name: string): Promise<void> {
  for (const [size, scheme] of [
    [{ width: 1024, height: 768 }, 'light'],
    [{ width: 1024, height: 768 }, 'dark'],
    [{ width: 1600, height: 1000 }, 'light'],
    [{ width: 1600, height: 1000 }, 'dark'],
  ] as const) {
    await page().setViewportSize(size);
    await page().emulateMedia({ colorScheme: scheme });
    expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await app.screenshot(`${name}-${size.width}-${scheme}`);
  }
  await page().setViewportSize({ width: 1280, height: 800 });
  await page().emulateMedia({ colorScheme: 'light' });
}

describe('the review of an order', () => {
  it('names the single line (product, SKU, face value, quantity, line total) and flags a Wpay SKU this account never ordered, sending nothing', async () => {
    await reviewOrder('Sandbox (Wpay)', { sku: 'WWQ651BHNWSH' }, '750', '3');
    expect(await lineRows().count()).toBe(1);
    expect(await cells(0)).toEqual(['Woolworths eGift Card', 'WWQ651BHNWSHNew SKU', 'A$750.00', '3', 'A$2,250.00']);
    const note = review().getByRole('note', { name: 'New SKU' });
    expect(await note.textContent()).toMatch(/^No card of WWQ651BHNWSH has come in on this account yet\..*check it before placing the order/);
    expect(await review().getByText('A$2,250.00', { exact: true }).count()).toBeGreaterThan(0);
    await screenshots('30-review-new-sku');
    expect(core.orders.list()).toEqual([]);
  });

  it('does not flag the SKU once this account has received cards of it, and flags a mistyped one, whose product it cannot name', async () => {
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await core.app.orders.place(person('e2e'), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 2 }], pollEverySeconds: 0.2 });
    expect((await core.engine.settled(placed.id)).state).toBe('complete');

    await reviewOrder('Sandbox (Wpay)', { sku: 'WWQ651BHNWSH' }, '750', '3');
    expect(await cells(0)).toEqual(['Woolworths eGift Card', 'WWQ651BHNWSH', 'A$750.00', '3', 'A$2,250.00']);
    expect(await review().getByRole('note', { name: 'New SKU' }).count()).toBe(0);

    // One letter off: the sandbox's SKU list does not know it, no card of it was ever stored here.
    await reviewOrder('Sandbox (Wpay)', { sku: 'WWQ651BHNWHS' }, '750', '3');
    expect(await cells(0)).toEqual(['Not known', 'WWQ651BHNWHSNew SKU', 'A$750.00', '3', 'A$2,250.00']);
    expect(await review().getByRole('note', { name: 'New SKU' }).textContent()).toMatch(/^No card of WWQ651BHNWHS has come in/);
    await screenshots('31-review-mistyped-sku');
    expect(core.orders.list()).toHaveLength(1);
  });

  it('names a Blackhawk line by its catalog product, which the catalog vouches for (no flag)', async () => {
    await reviewOrder('Sandbox (Blackhawk)', { name: 'Best Buy eGift' }, '25', '4');
    expect(await cells(0)).toEqual(['Best Buy eGift', 'BestBuy_eGift', '$25.00', '4', '$100.00']);
    expect(await review().getByRole('note', { name: 'New SKU' }).count()).toBe(0);
    await app.screenshot('32-review-blackhawk');
  });
});
