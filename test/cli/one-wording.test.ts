import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../support/core';
import { jsonLines, runCli } from '../support/cli';
import { readCsv } from '../support/csv-rows';
import { tempDir } from '../support/temp-dir';
import { mustRun, occurrences } from '../support/tools';

// Small things a newcomer meets in the first hour, through the real CLI and the built-in sandbox: one wording and
// exit 2 for an order that does not exist, a quantity that is no quantity, an empty store said to be empty, and
// Blackhawk lines checked against the catalog before anything is sent, with the catalog's names on cards and files.

const PASSPHRASE = 'plum tractor velvet orbit 42';

/** The files the built-in sandbox keeps per order it received: none means nothing was ever sent to it. */
function sandboxOrdersReceived(dataDir: string): string[] {
  const dir = path.join(dataDir, 'sandbox', 'orders');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

describe('one wording, exit 2', () => {
  it('for an order that does not exist, in cards, sheet and export alike; nothing is written', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const runs = [
      await runCli(dataDir, ['cards', '999']),
      await runCli(dataDir, ['sheet', '999', '--out', path.join(dir, 'sheet.pdf')]),
      await runCli(dataDir, ['export', '999', '--format', 'zip', '--out', path.join(dir, 'cards.zip')], `${PASSPHRASE}\n`),
      await runCli(dataDir, ['export', '999', '--format', 'xlsx', '--out', path.join(dir, 'cards.xlsx')], `${PASSPHRASE}\n`),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      // The first run makes the store and shows its recovery key once; the refusal is the last line.
      expect(r.stderr.trim().split('\n').at(-1)).toBe('order: There is no order 999 in this data folder.');
    }
    expect(readdirSync(dir)).toEqual(['data']);
  });

  it.each([['-1'], ['0'], ['2.5'], ['ten']])('for --qty %s: the quantity must be a whole number above 0, and nothing is sent', async (qty) => {
    const dataDir = path.join(tempDir(), 'data');
    const r = await runCli(dataDir, ['order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', qty]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('qty: The quantity must be a whole number above 0.');
    expect(sandboxOrdersReceived(dataDir)).toEqual([]);
  });
});

describe('orders on an empty store', () => {
  it('says there are none, on stderr, and leaves stdout empty for programs', async () => {
    const dataDir = path.join(tempDir(), 'data');
    await runCli(dataDir, ['account', 'list']);
    for (const args of [['orders'], ['--json', 'orders']]) {
      const r = await runCli(dataDir, args);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe('No orders yet in this data folder.');
    }
    const one = await runCli(dataDir, ['orders', '--account', 'Sandbox (Blackhawk)']);
    expect(one.stderr.trim()).toBe('No orders yet for Sandbox (Blackhawk).');
    const nobody = await runCli(dataDir, ['orders', '--account', 'Nobody']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr.trim()).toBe('account: No account called "Nobody" (see "account list").');
  });
});

describe('Blackhawk lines and the catalog', () => {
  it('refuses an unknown product or a value outside the catalog before sending; the cards, their file and their sheet carry the catalog name', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const order = (sku: string, amount: string, qty = '3') => ['--json', 'order', '--account', 'Sandbox (Blackhawk)', '--sku', sku, '--amount', amount, '--qty', qty, '--poll-every', '0.3'];

    const unknown = await runCli(dataDir, order('BestBuy_eGfit', '25'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n').at(-1)).toBe('sku: "BestBuy_eGfit" is not in this account\'s catalog.');
    const tooMuch = await runCli(dataDir, order('BestBuy_eGift', '600'));
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr.trim()).toBe('amount: Best Buy eGift goes up to 500.00.');
    const notOffered = await runCli(dataDir, order('Starbucks_eGift', '30'));
    expect(notOffered.code).toBe(2);
    expect(notOffered.stderr.trim()).toBe('amount: Starbucks eGift comes in 5.00, 10.00, 25.00, 50.00, 100.00 only.');
    // Nothing reached the provider, and the store holds no order.
    expect(sandboxOrdersReceived(dataDir)).toEqual([]);
    const before = await openCore(dataDir, { sandbox: false });
    expect(before.orders.list()).toEqual([]);
    await before.close();

    const placed = await runCli(dataDir, order('Starbucks_eGift', '25'));
    expect(placed.code, placed.stderr).toBe(0);
    const { order: id } = jsonLines<{ order: number; state: string }>(placed.stdout).at(-1)!;
    expect(sandboxOrdersReceived(dataDir)).toHaveLength(1);

    const zip = path.join(dir, 'cards.zip');
    expect((await runCli(dataDir, ['export', String(id), '--format', 'zip', '--out', zip], `${PASSPHRASE}\n`)).code).toBe(0);
    mustRun('7z', ['x', `-o${path.join(dir, 'x')}`, zip], `${PASSPHRASE}\n`);
    const [header, ...rows] = readCsv(path.join(dir, 'x', 'cards.csv'));
    const column = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    expect(column('product')).toEqual(['Starbucks eGift', 'Starbucks eGift', 'Starbucks eGift']);
    expect(column('sku')).toEqual(['Starbucks_eGift', 'Starbucks_eGift', 'Starbucks_eGift']);

    const pdf = path.join(dir, 'sheet.pdf');
    expect((await runCli(dataDir, ['sheet', String(id), '--out', pdf])).code).toBe(0);
    const text = mustRun('pdftotext', ['-layout', pdf, '-']);
    expect(occurrences(text, 'Starbucks eGift')).toBe(3);
    expect(text).not.toContain('Starbucks_eGift');
  }, 120_000);
});
