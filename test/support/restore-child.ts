// Restores a backup in a process of its own, run inside a fresh private keyring (scripts/with-keyring.sh), as on a
// new computer: the recovery key and the new passcode come on stdin, the restored rows go to stdout as JSON.
import { createCore } from '../../main/core/create-core';
import { systemClock } from '../../main/core/clock';
import { GiftdeskError } from '../../main/core/errors';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { restoreBackup } from '../../main/core/vault/backup/restore-backup';
import { vaultAccess } from '../../main/core/create-core';
import { testUnlock, TEST_KDF } from './core';
import { readRows } from './store-rows';
import { databaseKeyOfRecovery, deviceSecretEntry } from './vault';

interface Input {
  file: string;
  dataDir: string;
  replace?: boolean;
  recoveryKey: string;
  newPasscode: string;
  /** A keychain entry of the source computer: it must not be in this fresh keyring. */
  sourceEntry: string;
  accountIds: string[];
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Input;
const keychain = createKeytarKeychain();
try {
  const sourceEntryFound = (await keychain.get(input.sourceEntry)) !== null;
  const prompt = testUnlock((r) => (r.error ? null : r.need === 'recovery-key' ? { recoveryKey: input.recoveryKey } : { passcode: input.newPasscode }));
  const restored = await restoreBackup({ file: input.file, dataDir: input.dataDir, replace: input.replace, access: vaultAccess({ keychain, unlock: prompt, passcodeKdf: TEST_KDF }, systemClock) });
  // The new passcode, and nothing else, opens it here.
  const core = await createCore({ dataDir: input.dataDir, keychain, unlock: testUnlock(() => ({ passcode: input.newPasscode })), passcodeKdf: TEST_KDF, sandbox: false });
  await core.close();
  const key = databaseKeyOfRecovery(input.dataDir, input.recoveryKey);
  const apiKeys = Object.fromEntries(await Promise.all(input.accountIds.map(async (id) => [id, await core.secrets.apiKey(id)] as const)));
  process.stdout.write(
    JSON.stringify({
      ok: true,
      restored,
      asked: prompt.asked.map((r) => r.need),
      sourceEntryFound,
      deviceSecret: await keychain.get(deviceSecretEntry(input.dataDir)),
      apiKeys,
      rows: readRows(input.dataDir, key),
    }),
  );
} catch (err) {
  const kind = err instanceof GiftdeskError ? err.kind : 'unexpected';
  process.stdout.write(JSON.stringify({ ok: false, kind, message: (err as Error).message }));
}
