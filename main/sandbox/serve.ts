// Runs the sandbox in its own process, for tests that kill or restart it:
//   npx tsx main/sandbox/serve.ts --state-dir DIR [--port N] [--faults JSON] [--processing JSON] [--balances JSON]
// Prints one JSON line {url, merchantId, clientProgramNumber}. Never the key: it is in DIR/identity.json.
import { parseArgs } from 'node:util';
import { createFaultInstruments } from './fault-instruments';
import { startSandbox } from './start-sandbox';
import type { BalanceRateConfig } from './balance-window';
import type { ProcessingConfig, SandboxFaults } from './types';

const { values } = parseArgs({
  options: {
    'state-dir': { type: 'string' },
    port: { type: 'string' },
    faults: { type: 'string' },
    processing: { type: 'string' },
    balances: { type: 'string' },
  },
});

const stateDir = values['state-dir'];
if (!stateDir) {
  process.stderr.write('usage: serve.ts --state-dir DIR [--port N] [--faults JSON] [--processing JSON]\n');
  process.exit(2);
}

const sandbox = await startSandbox({
  stateDir,
  port: values.port ? Number(values.port) : 0,
  // A sandbox of its own is always for tests or the bench: its fault switches and /__sandbox/* routes are on.
  instruments: createFaultInstruments(values.faults ? (JSON.parse(values.faults) as Partial<SandboxFaults>) : {}),
  processing: values.processing ? (JSON.parse(values.processing) as Partial<ProcessingConfig>) : {},
  balances: values.balances ? (JSON.parse(values.balances) as Partial<BalanceRateConfig>) : {},
}).catch((e: unknown) => {
  process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
process.stdout.write(`${JSON.stringify({ url: sandbox.url, merchantId: sandbox.merchantId, clientProgramNumber: sandbox.clientProgramNumber })}\n`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// Run through a wrapper (npx, tsx), a SIGKILL reaches the wrapper only: when the parent is gone, stop too, rather
// than live on holding the state folder's lock.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 500).unref();
