import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, expect, test } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { realKeychain } from '../support/core';
import { tempDir } from '../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
let core: Core | undefined;
let bundleDir: string | undefined;
afterEach(async () => {
  await core?.close();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

test('the card writer bundled the way scripts/build.mjs bundles it stores a whole order', async () => {
  // Inside the project, so the bundle finds the native module in node_modules as the packaged app does.
  bundleDir = mkdtempSync(path.join(root, 'node_modules/.cache-giftdesk-writer-'));
  const file = path.join(bundleDir, 'card-writer.cjs');
  await build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'keytar', 'pdfkit'],
    logLevel: 'warning',
    entryPoints: ['main/core/store/writer/card-writer-worker.ts'],
    outfile: file,
  });
  core = await createCore({
    dataDir: path.join(tempDir(), 'data'),
    keychain: realKeychain,
    sandbox: { processing: { baseMs: 200, perCardMs: 0.1 } },
    workers: { cardWriter: { file } },
  });
  const account = core.accounts.findByName('Sandbox (Wpay)')!;
  const order = await core.engine.place({ accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1500, quantity: 600 }], pollEverySeconds: 0.2 });
  const done = await core.engine.settled(order.id);
  expect(done.state, done.stateReason ?? '').toBe('complete');
  expect(core.cards.count(order.id)).toBe(600);
});
