import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { bundleWorker } from '../support/bundle-worker';
import { person, realKeychain, testVault } from '../support/core';
import { tempDir } from '../support/temp-dir';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

test('the card writer bundled the way scripts/build.mjs bundles it stores a whole order', async () => {
  const file = await bundleWorker('main/core/store/writer/card-writer-worker.ts');
  core = await createCore({
    dataDir: path.join(tempDir(), 'data'),
    keychain: realKeychain,
    ...testVault(),
    sandbox: { processing: { baseMs: 200, perCardMs: 0.1 } },
    workers: { cardWriter: { file } },
  });
  const account = core.accounts.findByName('Sandbox (Wpay)')!;
  const order = await core.app.orders.place(person(), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1500, quantity: 600 }], pollEverySeconds: 0.2 });
  const done = await core.engine.settled(order.id);
  expect(done.state, done.stateReason ?? '').toBe('complete');
  expect(core.cards.count(order.id)).toBe(600);
});
