import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { realKeychain, TEST_KDF, TEST_PASSCODE } from '../support/core';
import { testOutputs } from '../support/desktop';
import { buildRenderer, LAPTOP_SIZES, openAppAtStart, type AppHarness } from './harness/app-harness';

// A new data folder, as a person meets it: the vault's first run (passcode, recovery key) comes first, then the
// guide on the empty Orders screen explains the sandbox against live, tests an account, and places a first sandbox
// order through the real core, which runs it to complete.

let dir: string;
let app: AppHarness & { core: Promise<Core> };
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-guide-'));
  mkdirSync(path.join(dir, 'saved'));
  buildRenderer(path.join(dir, 'renderer'));
  app = await openAppAtStart(
    path.join(dir, 'renderer'),
    { open: (unlock) => createCore({ dataDir: path.join(dir, 'data'), keychain: realKeychain, unlock, passcodeKdf: TEST_KDF, label: 'e2e' }) },
    { outputs: testOutputs(path.join(dir, 'saved')).outputs },
  );
});

afterAll(async () => {
  await app?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('after the passcode and the recovery key, the guide explains, tests an account and places a first sandbox order', async () => {
  const { page } = app;
  await page.getByRole('heading', { name: 'Set up Giftdesk' }).waitFor();
  await page.getByLabel('Passcode', { exact: true }).fill(TEST_PASSCODE);
  await page.getByLabel('Type it again').fill(TEST_PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
  // The guide does not come before the vault's own first run is over.
  expect(await page.getByRole('heading', { name: 'Getting started' }).count()).toBe(0);
  await page.getByLabel('I have written the key down or saved the kit').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  core = await app.core;

  const guide = page.locator('.guide');
  await page.getByRole('heading', { name: 'Getting started' }).waitFor();
  expect(await guide.getByText(/A sandbox account is for practice/).count()).toBe(1);
  expect(await guide.getByText(/A live account is your business’s own Wpay or Blackhawk account/).count()).toBe(1);
  await guide.getByText('Sandbox (Blackhawk)').first().waitFor();
  await app.screenshotEverySize('guide-start', undefined, LAPTOP_SIZES);

  // Testing an account asks its provider (here the built-in sandbox) and says what it answered.
  await guide.getByRole('button', { name: 'Test Sandbox (Wpay)' }).click();
  await expect.poll(() => guide.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/^Connected\. Prepaid balance A\$/);

  // "Add an account…" goes to the Accounts screen, and back.
  await guide.getByRole('button', { name: 'Add an account…' }).click();
  await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders', exact: true }).click();

  await guide.getByRole('button', { name: 'Place a first sandbox order' }).click();
  const order = page.getByRole('article').first();
  await order.waitFor({ timeout: 20_000 });
  await expect.poll(() => page.getByRole('heading', { name: 'Getting started' }).count()).toBe(0);
  const [placed] = core.app.orders.list({ via: 'desktop', user: core.user });
  expect(placed).toMatchObject({ quantity: 3, totalCents: 7_500 });
  expect((await core.engine.settled(placed!.id)).state).toBe('complete');
  await expect.poll(() => order.getByText('Complete').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await app.screenshotEverySize('guide-first-order', undefined, LAPTOP_SIZES);
});
