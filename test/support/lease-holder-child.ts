// Holds a data folder's engine lease in a process of its own, as the desktop app does while it runs: it drives the
// balance sweeps another process records. Writes "holding" once it holds the lease; stops on SIGTERM.
import { writeSync } from 'node:fs';
import { createCore } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { testVault } from './core';

const [dataDir, timing] = process.argv.slice(2) as [string, string];
const core = await createCore({ dataDir, keychain: createKeytarKeychain(), ...testVault(), sandbox: false, label: 'lease holder', balanceTiming: JSON.parse(timing) });
core.engine.claim();
writeSync(1, 'holding\n');
process.once('SIGTERM', () => void core.close().then(() => process.exit(0)));
setInterval(() => undefined, 1_000);
