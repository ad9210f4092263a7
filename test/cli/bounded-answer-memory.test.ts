import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { addWpayAccount, collect, jsonLines, spawnCli } from '../support/cli';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

// A 1.5 GB answer (issue 13, Deliver 4) is refused with the CLI's peak resident memory under 300 MB: measured on the
// CLI's own process (VmHWM, the kernel's high-water mark), against a stand-in provider in a process of its own.

const CARDS = 'GET /v1/partner/giftcards/order/{orderId}/cards';
let sandbox: SandboxProcess | undefined;
afterAll(() => sandbox?.stop());

/** The process's peak resident memory so far, in bytes; null once it has gone. */
function peakRss(pid: number): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

it('refuses a 1.5 GB cards answer with the CLI’s peak memory under 300 MB, and hands the order to a person', async () => {
  const root = tempDir('giftdesk-huge-');
  sandbox = await startSandboxProcess(path.join(root, 'provider'), { processing: { baseMs: 200, perCardMs: 0.2 }, faults: { hostile: ['answer-huge'] } });
  const dataDir = path.join(root, 'app');
  await addWpayAccount(dataDir, 'Hostile', sandbox.url, sandbox.apiKey);

  const child = spawnCli(dataDir, ['--json', 'order', '--account', 'Hostile', '--sku', 'WWQ651BHNWSH', '--amount', '10.00', '--qty', '20', '--poll-every', '0.2']);
  let peak = 0;
  const watch = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!) ?? 0)), 20);
  const done = await collect(child);
  clearInterval(watch);

  const last = jsonLines<{ state: string; reason: string | null }>(done.stdout).at(-1);
  expect(last?.state, done.stderr).toBe('needs-attention');
  expect(peak).toBeGreaterThan(50 * 1024 * 1024);
  expect(peak).toBeLessThan(300 * 1024 * 1024);
  // Asked a few times (the transport's attempts), never a retry storm.
  expect((await sandbox.stats()).requests[CARDS]).toBeLessThanOrEqual(4);
}, 180_000);
