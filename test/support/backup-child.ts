// Opens a store and makes one backup, in a process of its own (so a test can watch its system calls).
import { createCore } from '../../main/core/create-core';
import { realKeychain, testVault } from './core';

const [dataDir, outFile] = process.argv.slice(2) as [string, string];
const core = await createCore({ dataDir, keychain: realKeychain, ...testVault(), sandbox: false });
try {
  const result = await core.backups.backup(outFile);
  process.stdout.write(JSON.stringify(result));
} finally {
  await core.close();
}
