import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../main/core/clock';
import { createCore, type Core } from '../../main/core/create-core';
import { person, realKeychain, TEST_KDF, TEST_PASSCODE } from '../support/core';
import { testOutputs } from '../support/desktop';
import { buildRenderer, openAppAtStart, type AppHarness } from './harness/app-harness';

// The desktop app from its first start, through the real core: a passcode set and judged, the recovery key shown once
// and its kit saved, then "Lock now", a wrong passcode refused with the wait shown, the right one bringing the cards
// back; the Security screen and the banner of a week without a backup.

const WRONG = 'Marble-Canyon-Violet-2231-Oboe';
const DAY = 24 * 3600_000;

let dir: string;
let app: AppHarness & { core: Promise<Core> };
let core: Core;
/** Real time (orders poll, waits run out), moved on by hand to skip a week. */
let skipped = 0;
const clock: Clock = { now: () => Date.now() + skipped, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
const saved = () => path.join(dir, 'saved');

/** Every screen at the smallest supported window and a large one, light and dark. */
async function screens(page: Page, name: string) {
  for (const [w, h] of [
    [1024, 768],
    [1680, 1050],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await app.screenshot(`vault-${name}-${w}x${h}-${scheme}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-vault-'));
  mkdirSync(saved());
  const { outputs } = testOutputs(saved());
  buildRenderer(path.join(dir, 'renderer'));
  app = await openAppAtStart(
    path.join(dir, 'renderer'),
    { open: (unlock) => createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, unlock, passcodeKdf: TEST_KDF, clock, label: 'e2e' }) },
    { outputs },
  );
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the vault in the desktop app', () => {
  it('first run: a passcode judged by the estimator, the recovery key shown once in groups, its kit saved', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Giftdesk' }).waitFor();
    // No side menu, nothing of the app, before the store is open.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await screens(page, 'first-run');

    await page.getByLabel('Passcode', { exact: true }).fill('password1234');
    await page.getByLabel('Type it again').fill('password1234');
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await expect.poll(() => page.getByText(/too easy to guess/).count()).toBeGreaterThan(0);
    await screens(page, 'first-run-weak');

    await page.getByLabel('Passcode', { exact: true }).fill(TEST_PASSCODE);
    await page.getByLabel('Type it again').fill(TEST_PASSCODE);
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
    const groups = await page.getByLabel('Recovery key').locator('span').allTextContents();
    expect(groups).toHaveLength(8);
    expect(groups.every((g) => /^[0-9A-Z]{4}$/.test(g))).toBe(true);
    await screens(page, 'recovery-key');

    await page.getByRole('button', { name: 'Save recovery kit (PDF)…' }).click();
    await page.getByText('Recovery kit saved.').waitFor();
    const kit = path.join(saved(), 'Giftdesk recovery kit.pdf');
    const text = execFileSync('pdftotext', ['-layout', kit, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(groups.slice(0, 4).join(' '));
    expect(text).toContain(groups.slice(4).join(' '));

    const go = page.getByRole('button', { name: 'Continue' });
    expect(await go.isDisabled()).toBe(true);
    await page.getByLabel('I have written the key down or saved the kit').check();
    await go.click();
    core = await app.core;
    expect(text).toContain(`Store: ${core.storeId}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The key was shown this once: it is nowhere on the page now.
    expect(await page.content()).not.toContain(groups.join(''));
  });

  it('"Lock now", a wrong passcode refused with the wait shown, then the right one: the cards come back', async () => {
    const { page } = app;
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await core.app.orders.place(person('e2e'), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2500, quantity: 3 }], pollEverySeconds: 0.5 });
    expect((await core.engine.settled(placed.id)).state).toBe('complete');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Cards', exact: true }).click();
    const rows = page.getByRole('table', { name: 'Cards' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);

    await nav.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Giftdesk is locked' }).waitFor();
    expect(await nav.count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Cards' }).count()).toBe(0);

    await page.getByLabel('Passcode').fill(WRONG);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That passcode is wrong/).waitFor();
    const wait = page.getByRole('status').filter({ hasText: 'try again in' });
    await wait.waitFor();
    expect(await wait.textContent()).toMatch(/try again in [12] s/);
    expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
    await screens(page, 'locked-wrong-passcode');

    // The wait runs out on its own; the right passcode then opens the app again where it was.
    await wait.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByLabel('Passcode').fill(TEST_PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await nav.waitFor();
    await page.getByRole('button', { name: 'Cards', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(4);
    const audit = core.audit.list().map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['lock.lock', 'lock.unlock', 'vault.passcode-failures']));
  });

  it('the Security screen: back up now makes a verified backup; a week without one shows the banner on every screen', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main' });
    skipped += 8 * DAY;
    // The typed passcode is now old: a fresh unlock vouches for the person at the desk again.
    await nav.getByRole('button', { name: 'Lock now' }).click();
    await page.getByLabel('Passcode').fill(TEST_PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await nav.waitFor();

    await nav.getByRole('button', { name: 'Orders', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'No verified backup for 7 days' });
    await banner.waitFor();
    await screens(page, 'backup-banner');

    await banner.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('heading', { name: 'Security and backups', level: 2 }).waitFor();
    expect(await page.getByText('None yet').count()).toBe(2);
    await screens(page, 'security');

    await page.getByRole('button', { name: 'Back up now…' }).click();
    await page.getByText(/Backed up and verified: 1 order, 3 cards in /).waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(await page.getByText(/: verified \(1 order, 3 cards/).count()).toBe(1);
    expect(readBackups().length).toBe(1);
    await screens(page, 'security-backed-up');
  });
});

function readBackups(): string[] {
  return existsSync(saved()) ? readdirSync(saved()).filter((f) => f.endsWith('.gdbackup')) : [];
}
