import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../main/core/audit/vocabulary';
import { createCore, type Core } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
// The passcode's Argon2id cost is measured on its own (vault.unlockSeconds); these phases measure the store.
import { testVault } from '../../test/support/core';
import { fakeCards } from '../../test/support/fake-cards';
import { moveOrderTo } from '../../test/support/order-states';

/** The bench acts as a person at the command line would. */
export const BENCH: Actor = { via: 'cli', user: 'bench' };

/** A store holding one 25,000-card order, some cards with eGift URLs (for QR codes). */
export async function storeWithOrder(prefix: string, quantity = 25_000): Promise<{ core: Core; orderId: number; root: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const core = await createCore({ dataDir: path.join(root, 'app'), keychain: createKeytarKeychain(), ...testVault(), sandbox: false });
  const account = core.accounts.list()[0]!;
  const order = core.orders.createDraft(
    { accountId: account.id, clientReference: 'bench-0001', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity }] },
    Date.now(),
  );
  core.cards.insertMany(order.id, fakeCards(quantity), Date.now());
  moveOrderTo(core.orders, order.id, 'complete');
  return { core, orderId: order.id, root };
}
