// The encrypted store: inserting an order's 25,000 cards, opening a 100,000-card store, finding a card by its
// last four digits in it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, vaultAccess } from '../../main/core/create-core';
import { systemClock } from '../../main/core/clock';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
// The passcode's Argon2id cost is measured on its own (vault.unlockSeconds); these phases measure the store.
import { testVault } from '../../test/support/core';
import { openStore } from '../../main/core/store/open-store';
import { fakeCards } from '../../test/support/fake-cards';
import { measure, report, round } from '../measure';

const root = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-bench-store-'));
const dataDir = path.join(root, 'app');
const keychain = createKeytarKeychain();
try {
  const core = await createCore({ dataDir, keychain, ...testVault(), sandbox: false });
  const account = core.accounts.list()[0]!;
  const draft = (seed: number) =>
    core.orders.createDraft({ accountId: account.id, clientReference: `bench-${seed}`, currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 25_000 }] }, Date.now());
  const batches = [1, 2, 3, 4].map((seed) => ({ order: draft(seed), cards: fakeCards(25_000, seed) }));
  const insert = await measure(() => core.cards.insertMany(batches[0]!.order.id, batches[0]!.cards, Date.now()));
  for (const b of batches.slice(1)) core.cards.insertMany(b.order.id, b.cards, Date.now());
  const wanted = batches[2]!.cards[12_345]!.number!;
  await core.close();

  const open = await measure(() => openStore({ dataDir, access: vaultAccess({ keychain, ...testVault() }, systemClock) }));
  const store = open.value;
  const cards = (await import('../../main/core/store/repos/cards')).createCardsRepo(store.db);
  const total = { n: cards.countAll() };
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(() => cards.search({ number: wanted.slice(-4) })));
  const found = runs[0]!.value;
  if (!found.some((c) => c.number === wanted)) throw new Error('search by last four did not find the card');
  store.close();
  report({
    store: {
      insertSeconds: round(insert.seconds),
      openSeconds: round(open.seconds),
      searchMs: round(Math.min(...runs.map((r) => r.seconds)) * 1000, 2),
      cardsInStore: total.n,
      matches: found.length,
    },
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
