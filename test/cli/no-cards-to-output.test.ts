import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../support/core';
import { addWpayAccount, jsonLines, runCli } from '../support/cli';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

// An order that holds no cards (here: refused by the provider) printed or exported through the CLI: refused with
// the reason, exit 2, no file written, nothing in the audit log as if it had been.

let sandbox: SandboxProcess;
let dataDir: string;
let out: string;
let orderId: number;

beforeAll(async () => {
  const root = tempDir('giftdesk-no-cards-');
  sandbox = await startSandboxProcess(path.join(root, 'provider'), { processing: { baseMs: 200, perCardMs: 0.2 } });
  dataDir = path.join(root, 'app');
  out = path.join(root, 'out');
  mkdirSync(out);
  await addWpayAccount(dataDir, 'Bad key', sandbox.url, 'not-the-key-0000000000');
  const failed = await runCli(dataDir, ['--json', 'order', '--account', 'Bad key', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', '4', '--poll-every', '0.2']);
  expect(failed.code).toBe(1);
  const summary = jsonLines<{ order: number; state: string; cards: number }>(failed.stdout).at(-1)!;
  expect(summary).toMatchObject({ state: 'failed', cards: 0 });
  orderId = summary.order;
});
afterAll(() => sandbox?.stop());

describe('an order with no cards', () => {
  it.each([
    ['export --format xlsx', (file: string) => ['export', String(orderId), '--format', 'xlsx', '--out', file], 'cards.xlsx', 'a card file'],
    ['export --format zip', (file: string) => ['export', String(orderId), '--format', 'zip', '--out', file], 'cards.zip', 'a card file'],
    ['sheet', (file: string) => ['sheet', String(orderId), '--out', file], 'sheet.pdf', 'a card sheet'],
  ])('%s: exit 2 saying why, and no file written', async (_, args, name, making) => {
    const file = path.join(out, name);
    const r = await runCli(dataDir, args(file));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`order: Order ${orderId} has no cards (it is failed), so there is nothing to put in ${making}. Nothing was written.`);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it('leaves no export or sheet entry in the audit log', async () => {
    const core = await openCore(dataDir);
    try {
      const actions = core.audit.list({ subject: `order:${orderId}` }).map((e) => e.action);
      expect(actions).toContain('order.place');
      expect(actions.filter((a) => a.startsWith('cards.export') || a.startsWith('sheet.'))).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
