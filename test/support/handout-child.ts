// Makes one hand-out by count in a process of its own, so a test can SIGKILL it while the cards are being reserved.
// Writes "reserving" just before the work and "done <ms>" after it, straight to the file descriptor (no buffering).
import { writeSync } from 'node:fs';
import { createCore } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { testVault } from './core';

const [dataDir, sku, amountCents, count] = process.argv.slice(2) as [string, string, string, string];
const core = await createCore({ dataDir, keychain: createKeytarKeychain(), ...testVault(), sandbox: false });
writeSync(1, 'reserving\n');
const start = performance.now();
core.app.custody.createHandout({ via: 'cli', user: 'crash-test' }, { name: 'Gala', take: [{ sku, amountCents: Number(amountCents), count: Number(count) }] });
writeSync(1, `done ${Math.round(performance.now() - start)}\n`);
await core.close();
