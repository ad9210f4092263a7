import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../support/core';
import { addWpayAccount, jsonLines, runCli } from '../support/cli';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

let sandbox: SandboxProcess;
let dataDir: string;

beforeAll(async () => {
  const root = tempDir('giftdesk-refusals-');
  sandbox = await startSandboxProcess(path.join(root, 'provider'), { processing: { baseMs: 200, perCardMs: 0.2 } });
  dataDir = path.join(root, 'app');
  await addWpayAccount(dataDir, 'Good', sandbox.url, sandbox.apiKey);
  await addWpayAccount(dataDir, 'Bad key', sandbox.url, 'not-the-key-0000000000');
});
afterAll(() => sandbox?.stop());

const order = (account: string, ...more: string[]) => ['--json', 'order', '--account', account, '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--poll-every', '0.2', ...more];

async function submits(): Promise<number> {
  return (await sandbox.stats()).requests['POST /v1/partner/giftcards/orders'] ?? 0;
}

describe('bad input', () => {
  it.each([
    ['quantity 0', ['--qty', '0'], 'qty'],
    ['a negative quantity', ['--qty=-5'], 'qty'],
    ['a quantity above the provider maximum', ['--qty', '25001'], 'qty'],
    ['an amount with 3 decimals', ['--qty', '5', '--amount', '5.001'], 'amount'],
    ['an amount that is not a number', ['--qty', '5', '--amount', 'five'], 'amount'],
    ['a reference over its length limit', ['--qty', '5', '--ref', 'r'.repeat(56)], 'ref'],
  ])('%s: exit 2, one line naming the field, nothing sent or written', async (_, args, field) => {
    const before = await submits();
    const r = await runCli(dataDir, [...order('Good'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${field}: `));
    expect(await submits()).toBe(before);
    const core = await openCore(dataDir);
    try {
      expect(core.orders.list().filter((o) => o.quantity === 25001 || o.clientReference.length > 55)).toEqual([]);
      expect(core.orders.list().filter((o) => o.state === 'draft')).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('an unknown account: exit 2 naming the account, nothing sent', async () => {
    const before = await submits();
    const r = await runCli(dataDir, [...order('Nobody'), '--qty', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^account: /);
    expect(await submits()).toBe(before);
  });
});

describe('provider refusals', () => {
  it('insufficient balance (6063): failed with the provider’s words, one submit, no retries', async () => {
    await sandbox.setFaults({ balanceCents: 1000 });
    try {
      const before = await sandbox.stats();
      const r = await runCli(dataDir, [...order('Good'), '--qty', '50']);
      const after = await sandbox.stats();
      expect(r.code).toBe(1);
      const summary = jsonLines<{ state: string; reason: string }>(r.stdout).at(-1)!;
      expect(summary.state).toBe('failed');
      expect(summary.reason).toMatch(/6063|insufficient|balance/i);
      const total = (s: typeof after) => Object.values(s.requests).reduce((a, b) => a + b, 0);
      expect(total(after) - total(before)).toBe(1);
    } finally {
      await sandbox.setFaults({ balanceCents: 1_000_000_000 });
    }
  });

  it('an invalid key (401): failed with the provider’s words, one request, no retry storm', async () => {
    const before = await sandbox.stats();
    const r = await runCli(dataDir, [...order('Bad key'), '--qty', '5']);
    const after = await sandbox.stats();
    expect(r.code).toBe(1);
    const summary = jsonLines<{ state: string; reason: string }>(r.stdout).at(-1)!;
    expect(summary.state).toBe('failed');
    expect(summary.reason).toMatch(/key|AP01|unauthori[sz]ed/i);
    expect(r.stdout + r.stderr).not.toContain('not-the-key-0000000000');
    const total = (s: typeof after) => Object.values(s.requests).reduce((a, b) => a + b, 0);
    expect(total(after) - total(before)).toBe(1);
  });
});
