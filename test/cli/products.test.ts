import { expect, test } from 'vitest';
import { jsonLines, runCli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

test('products lists what each sandbox account sells, with its values, and marks a SKU once it has been ordered', async () => {
  const dataDir = tempDir();
  const blackhawk = await runCli(dataDir, ['products', '--account', 'Sandbox (Blackhawk)']);
  expect(blackhawk.code, blackhawk.stderr).toBe(0);
  // Asked of the sandbox's Blackhawk catalog over HTTP, as for a real Blackhawk account.
  expect(blackhawk.stdout.trim().split('\n')).toEqual([
    'BestBuy_eGift\tBest Buy eGift\t$1.00–$500.00',
    'Amazon_eGift\tAmazon.com eGift\t$1.00–$2,000.00',
    'Starbucks_eGift\tStarbucks eGift\t$5.00, $10.00, $25.00, $50.00, $100.00',
  ]);

  const before = await runCli(dataDir, ['products', '--account', 'Sandbox (Wpay)']);
  expect(before.stdout).toMatch(/^WWQ651BHNWSH\tWoolworths eGift Card\tA\$5\.00–A\$500\.00$/m);
  expect(before.stdout).not.toContain('used before');

  const placed = await runCli(dataDir, ['order', '--account', 'Sandbox (Wpay)', '--sku', 'WWMOVIESBX', '--amount', '20.00', '--qty', '1']);
  expect(placed.code, placed.stderr).toBe(0);
  const after = jsonLines<{ code: string; source: string; usedBefore: boolean }>((await runCli(dataDir, ['--json', 'products', '--account', 'Sandbox (Wpay)'])).stdout);
  expect(after.map((p) => [p.code, p.source, p.usedBefore])).toEqual([
    ['WWQ651BHNWSH', 'sandbox', false],
    ['BIGW100SBX', 'sandbox', false],
    ['WWMOVIESBX', 'sandbox', true],
  ]);
});

test('a Wpay account, which has no catalog, says so until it has ordered; an unknown account is bad input', async () => {
  const dataDir = tempDir();
  const added = await runCli(dataDir, ['account', 'add', '--name', 'Shop', '--provider', 'wpay', '--base-url', 'http://127.0.0.1:9'], 'wpay-partner-key-0000\n');
  expect(added.code, added.stderr).toBe(0);
  const r = await runCli(dataDir, ['products', '--account', 'Shop']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim()).toBe('Shop has no catalog to list (Wpay publishes none) and no order yet: use the SKUs Wpay gave you.');

  const unknown = await runCli(dataDir, ['products', '--account', 'Nope']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr.trim()).toBe('account: No account called "Nope" (see "account list").');
});

test('--help names the sandbox accounts and what they sell', async () => {
  const r = await runCli(tempDir(), ['--help']);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('"Sandbox (Wpay)" SKUs: WWQ651BHNWSH (A$5.00–A$500.00), BIGW100SBX');
  expect(r.stderr).toContain('Starbucks_eGift ($5.00/$10.00/$25.00/$50.00/$100.00)');
  expect(r.stderr).toMatch(/^\s+products --account N\s+What an account can order/m);
});
