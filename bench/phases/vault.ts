// The vault: what one unlock costs with the real Argon2id parameters, and backing up and verifying a 100,000-card store.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { PASSCODE_KDF } from '../../main/core/vault/passcode-kdf';
import { TEST_PASSCODE, testUnlock } from '../../test/support/core';
import { fakeCards } from '../../test/support/fake-cards';
import { measure, peakRssMb, report, round } from '../measure';

const root = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-bench-vault-'));
try {
  // No passcodeKdf: the composition root's real cost.
  const core = await createCore({ dataDir: path.join(root, 'app'), keychain: createKeytarKeychain(), unlock: testUnlock(), sandbox: false });
  const account = core.accounts.list()[0]!;
  for (const seed of [1, 2, 3, 4]) {
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: `bench-${seed}`, currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 25_000 }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, fakeCards(25_000, seed), Date.now());
  }
  const unlocks = [];
  for (let i = 0; i < 5; i++) unlocks.push((await measure(() => core.vault.verifyPasscode(TEST_PASSCODE))).seconds);
  const backup = await measure(() => core.backups.backup(path.join(root, 'bench.gdbackup')));
  await core.close();
  report({
    vault: {
      unlockSeconds: round(unlocks.sort()[2]!),
      argon2: `${PASSCODE_KDF.memoryKiB / 1024} MiB, ${PASSCODE_KDF.iterations} passes, ${PASSCODE_KDF.parallelism} lane`,
      backupVerifySeconds: round(backup.seconds),
      backupMegabytes: round(backup.value.bytes! / 1e6, 1),
      backupCards: backup.value.counts!.cards,
      backupMaxBlockMs: round(backup.maxBlockMs, 1),
      peakRssMb: peakRssMb(),
    },
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
