// Opens a core in a process of its own, so a test can give it an environment without a Secret Service.
import { createCore } from '../../main/core/create-core';
import { GiftdeskError } from '../../main/core/errors';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { testVault } from './core';

const dataDir = process.argv[2]!;
try {
  const core = await createCore({ dataDir, keychain: createKeytarKeychain(), ...testVault() });
  await core.close();
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (err) {
  const kind = err instanceof GiftdeskError ? err.kind : 'unexpected';
  process.stdout.write(JSON.stringify({ ok: false, kind, message: (err as Error).message }));
}
