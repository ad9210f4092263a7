import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWpayAccount, collect, jsonLines, runCli, spawnCli, type CliResult } from '../support/cli';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

// Ctrl-C during an order, as a terminal sends it (SIGINT to the CLI's process group), then `resume`: the CLI says the
// order is still open and that resume carries it on, exits 130, and resume reports with the same lines as order.

let sandbox: SandboxProcess;
let dataDir: string;

beforeAll(async () => {
  const root = tempDir('giftdesk-interrupt-');
  // Slow enough that the order is still with the provider when Ctrl-C comes.
  sandbox = await startSandboxProcess(path.join(root, 'provider'), { processing: { baseMs: 4_000, perCardMs: 1 } });
  dataDir = path.join(root, 'app');
  await addWpayAccount(dataDir, 'Shop', sandbox.url, sandbox.apiKey);
});
afterAll(() => sandbox?.stop());

interface Progress {
  event: 'progress';
  order: number;
  state: string;
  percent: number | null;
  cards: number;
  quantity: number;
  nextPollAt: string | null;
  lastError: string | null;
}
interface Summary {
  order: number;
  reference: string;
  state: string;
  quantity: number;
  cards: number;
  reason: string | null;
}

const ORDER = ['order', '--account', 'Shop', '--sku', 'WWQ651BHNWSH', '--amount', '10.00', '--qty', '300', '--poll-every', '0.3'];

/** Starts `order` and presses Ctrl-C once the provider has it (the first progress line past submitting). */
async function orderThenCtrlC(json: boolean): Promise<CliResult> {
  const child = spawnCli(dataDir, json ? ['--json', ...ORDER] : ORDER);
  const done = collect(child);
  const stream = json ? child.stdout! : child.stderr!;
  let seen = '';
  await new Promise<void>((resolve) => {
    stream.on('data', (d: Buffer) => {
      seen += d.toString('utf8');
      if (/(accepted|processing)/.test(seen)) resolve();
    });
    child.once('close', () => resolve());
  });
  process.kill(-child.pid!, 'SIGINT');
  return done;
}

const keysOf = (line: object) => Object.keys(line).sort();

describe('Ctrl-C, then resume', () => {
  it('with --json: exit 130, says the order is still open and that resume carries it on; resume prints the same progress lines and the summary', async () => {
    const stopped = await orderThenCtrlC(true);
    expect(stopped.code, stopped.stderr).toBe(130);
    const lines = jsonLines<Progress | Summary>(stopped.stdout);
    const progress = lines.filter((l): l is Progress => 'event' in l);
    const summary = lines.at(-1) as Summary;
    expect(summary).toMatchObject({ state: expect.stringMatching(/^(accepted|processing)$/), quantity: 300, cards: 0 });
    expect(stopped.stderr).toContain(`Interrupted. Order ${summary.order} (${summary.reference}) is still open: "resume" carries it on from where it stopped`);
    expect(progress.length).toBeGreaterThan(0);

    const resumed = await runCli(dataDir, ['--json', 'resume', '--poll-every', '0.3']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = jsonLines<Progress | Summary>(resumed.stdout);
    const resumedProgress = after.filter((l): l is Progress => 'event' in l);
    // The same lines as `order` prints: one shape, for this order, up to the cards arriving and the order complete.
    expect(resumedProgress.length).toBeGreaterThan(1);
    for (const p of resumedProgress) expect(keysOf(p)).toEqual(keysOf(progress[0]!));
    expect(resumedProgress.every((p) => p.order === summary.order)).toBe(true);
    expect(resumedProgress.some((p) => p.state === 'fetching' || p.cards > 0)).toBe(true);
    expect(keysOf(after.at(-1)!)).toEqual(keysOf(summary));
    expect(after.at(-1)).toMatchObject({ order: summary.order, reference: summary.reference, state: 'complete', cards: 300 });
    expect((await sandbox.stats()).ordersByReference[summary.reference]).toBe(1);
  }, 120_000);

  it('for people: the sentence on stderr; resume prints the progress lines order prints, then the summary on stdout', async () => {
    const stopped = await orderThenCtrlC(false);
    expect(stopped.code, stopped.stderr).toBe(130);
    const said = /^Interrupted\. Order (\d+) \((\S+)\) is still open: "resume" carries it on from where it stopped \((accepted|processing), 0 of 300 cards\)\.$/m.exec(stopped.stderr);
    expect(said, stopped.stderr).not.toBeNull();
    const [, id, reference] = said!;
    // What order printed before the Ctrl-C: its own progress lines.
    expect(stopped.stderr).toMatch(new RegExp(`^order ${id}: (submitting|accepted|processing)`, 'm'));

    const resumed = await runCli(dataDir, ['resume', '--poll-every', '0.3']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const progress = resumed.stderr.split('\n').filter((l) => l.startsWith(`order ${id}: `));
    expect(progress.length).toBeGreaterThan(1);
    for (const line of progress) expect(line).toMatch(new RegExp(`^order ${id}: [a-z-]+( \\d+%)?, \\d+/300 cards`));
    expect(progress.at(-1)).toMatch(new RegExp(`^order ${id}: complete( 100%)?, 300/300 cards`));
    expect(resumed.stdout.trim()).toBe(`order ${id} (${reference}): complete, 300 of 300 cards`);
  }, 120_000);
});
