// A 25,000-card Wpay order against the sandbox with 50 ms added to every request: ours (pages of 500, a few at a
// time, one transaction per page) against the documented loop (one page of 100 at a time), in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
// The passcode's Argon2id cost is measured on its own (vault.unlockSeconds); these phases measure the store.
import { testVault } from '../../test/support/core';
import { startSandboxProcess } from '../../test/support/sandbox-process';
import { measure, peakRssMb, report, round } from '../measure';
import { BENCH } from './seeded-store';

const QUANTITY = 25_000;
const CONCURRENCY = 8;
const root = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-bench-ingest-'));
const sandbox = await startSandboxProcess(path.join(root, 'provider'), { faults: { latencyMs: 50 }, processing: { baseMs: 200, perCardMs: 0 } });
const core = await createCore({ dataDir: path.join(root, 'app'), keychain: createKeytarKeychain(), ...testVault(), sandbox: false });
try {
  const account = await core.app.accounts.add(BENCH, {
    name: 'Bench',
    provider: 'wpay',
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    fetchConcurrency: CONCURRENCY,
    pollEverySeconds: 0.1,
  });
  const before = await sandbox.stats();
  const ours = await measure(async () => {
    const placed = await core.app.orders.place(BENCH, { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: QUANTITY }] });
    return core.engine.settled(placed.id);
  });
  if (ours.value.state !== 'complete' || core.cards.count(ours.value.id) !== QUANTITY) throw new Error(`ingest did not complete: ${ours.value.stateReason}`);
  const after = await sandbox.stats();
  const requests = Object.values(after.requests).reduce((a, b) => a + b, 0) - Object.values(before.requests).reduce((a, b) => a + b, 0);

  // The documented way: submit, poll at the same shortened cadence, then one page of 100 after another.
  const client = await core.providers.clientFor(account.id);
  const documented = await measure(async () => {
    const reference = `bench-doc-${Date.now()}`;
    const submitted = await client.submit({ reference, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: QUANTITY }], currency: 'AUD', realtime: false });
    let status = submitted.status;
    while (status.phase !== 'complete') {
      await new Promise((r) => setTimeout(r, 100));
      status = await client.status({ reference, providerOrderId: status.providerOrderId });
    }
    const draft = core.orders.createDraft({ accountId: account.id, clientReference: reference, currency: 'AUD', lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: QUANTITY }] }, Date.now());
    for (let offset = 0; offset < QUANTITY; offset += 100) {
      const page = await client.fetchCards(status.providerOrderId!, { offset, limit: 100 });
      if (page.state !== 'ready') throw new Error(`documented loop: page ${offset} ${page.state}`);
      core.cards.insertMany(draft.id, page.cards, Date.now());
    }
    return core.cards.count(draft.id);
  });
  if (documented.value !== QUANTITY) throw new Error(`documented loop stored ${documented.value} cards`);
  report({
    ingest: {
      seconds: round(ours.seconds),
      requests,
      peakRssMb: peakRssMb(),
      documentedLoopSeconds: round(documented.seconds),
      ratio: round(documented.seconds / ours.seconds, 2),
      concurrency: CONCURRENCY,
    },
    ingestMaxBlockMs: round(ours.maxBlockMs, 1),
  });
} finally {
  await core.close();
  await sandbox.stop();
  rmSync(root, { recursive: true, force: true });
}
