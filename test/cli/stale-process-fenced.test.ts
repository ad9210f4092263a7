import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWpayAccount, collect, jsonLines, spawnCli, testCoreEnv } from '../support/cli';
import { openCore } from '../support/core';
import { withRawDb } from '../support/raw-db';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

// Fencing (issue 13, Deliver 6): a CLI process frozen with SIGSTOP mid-submit loses the engine lease; `resume` in
// another process finds the order by reference and completes it; when the frozen process is let go with SIGCONT, its
// unanswered submit times out and it would note the failure on the order (as it did before fencing, into the completed
// order) — the store refuses that write, and every other one it tries.

// An engine lease of 1.5 s instead of 30 s and provider requests that time out after 2 s: a frozen process's lease
// is taken over within seconds, and its unanswered request times out when it is let go.
const SHORT_LEASE = { env: testCoreEnv({ leaseTtlMs: 1_500, providerClient: { timeoutMs: 2_000 } }) };
const QUANTITY = 300;

let sandbox: SandboxProcess;
let root: string;

beforeAll(async () => {
  root = tempDir('giftdesk-fence-');
  sandbox = await startSandboxProcess(path.join(root, 'provider'), { processing: { baseMs: 1_000, perCardMs: 0 } });
});
afterAll(() => sandbox?.stop());

/** Everything the engine writes, row by row: orders, their audit entries, cards, pages, quarantine, custody. */
function everythingWritten(dataDir: string): string {
  const tables = ['orders', 'events', 'cards', 'card_pages', 'quarantined_cards', 'card_custody', 'custody_events'];
  return withRawDb(dataDir, (db) => JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a process frozen mid-submit, let go after another process took the order over and completed it, writes nothing', async () => {
  const dataDir = path.join(root, 'data');
  // Made here, so that this test knows its recovery key and can read every row afterwards.
  await (await openCore(dataDir)).close();
  await addWpayAccount(dataDir, 'Provider', sandbox.url, sandbox.apiKey);
  // The provider takes the order but does not answer the submit before the frozen process's request times out.
  await sandbox.setFaults({ holdAfterAcceptMs: 60_000 });
  const stale = spawnCli(dataDir, ['--json', 'order', '--account', 'Provider', '--sku', 'WWQ651BHNWSH', '--amount', '10.00', '--qty', String(QUANTITY), '--poll-every', '0.2'], undefined, undefined, [], SHORT_LEASE);
  const staleDone = collect(stale);
  try {
    // Frozen once the provider has taken the order (its answer held back), as a process stalls mid-submit.
    const known = new Set(Object.keys((await sandbox.stats()).ordersByReference));
    let reference: string | undefined;
    for (let i = 0; i < 400 && !reference && stale.exitCode === null; i++) {
      await sleep(25);
      reference = Object.keys((await sandbox.stats()).ordersByReference).find((r) => !known.has(r));
    }
    expect(reference, 'the provider never took the order').toBeDefined();
    process.kill(-stale.pid!, 'SIGSTOP');
    await sandbox.setFaults({ holdAfterAcceptMs: 0 });
    // Past the frozen process's 1.5 s lease (it cannot renew it) and its 2 s request timeout.
    await sleep(3_000);
    const resumed = await collect(spawnCli(dataDir, ['--json', 'resume', '--poll-every', '0.2'], undefined, undefined, [], SHORT_LEASE));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(jsonLines<{ state?: string; cards?: number }>(resumed.stdout).at(-1)).toMatchObject({ state: 'complete', cards: QUANTITY });
    const afterTakeover = everythingWritten(dataDir);

    process.kill(-stale.pid!, 'SIGCONT');
    const woke = await staleDone;
    // It stops without a crash, and says how the order stands: completed by the other process.
    expect(woke.stderr).not.toMatch(/Unexpected error|Internal error/);
    expect(jsonLines<{ state?: string }>(woke.stdout).at(-1)).toMatchObject({ state: 'complete' });
    expect(everythingWritten(dataDir)).toBe(afterTakeover);
    // One submit: the order was found by reference, never sent again.
    expect(Object.values((await sandbox.stats()).submitsByReference)).toEqual([1]);
  } finally {
    if (stale.exitCode === null && stale.signalCode === null) process.kill(-stale.pid!, 'SIGKILL');
  }
}, 120_000);
