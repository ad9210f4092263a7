import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { openCore } from '../support/core';
import { jsonLines, runCli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

// The CLI's order and cards commands, run as users run them (a process of their own), checked in the store afterwards.

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

async function core(dataDir: string): Promise<Core> {
  const c = await openCore(dataDir, { sandbox: { processing: { baseMs: 300, perCardMs: 0.2 } } });
  open.push(c);
  return c;
}

describe('orders with several lines, from CSV', () => {
  it('completes every line with its own count, and names a bad row without sending anything', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const good = path.join(dir, 'good.csv');
    writeFileSync(good, 'sku,amount,qty\nWWQ651BHNWSH,10.00,120\nWWQ651BHNWSH,25.50,30\n');
    const r = await runCli(dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--lines', good, '--poll-every', '0.2']);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines<{ state: string; cards: number }>(r.stdout).at(-1)).toMatchObject({ state: 'complete', cards: 150 });

    const c = await core(dataDir);
    const [order] = c.orders.list();
    const stored = c.cards.list(order!.id);
    const perLine = c.orders.lines(order!.id).map((l) => {
      const cards = stored.filter((card) => card.lineId === l.id);
      return { line_no: l.lineNo, n: cards.length, cents: Math.min(...cards.map((card) => card.amountCents)) };
    });
    expect(perLine).toEqual([
      { line_no: 1, n: 120, cents: 1000 },
      { line_no: 2, n: 30, cents: 2550 },
    ]);
    expect(order!.totalCents).toBe(120 * 1000 + 30 * 2550);
    await c.close();
    open.pop();

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'sku,amount,qty\nWWQ651BHNWSH,10.00,5\nWWQ651BHNWSH,10.001,5\n');
    const refused = await runCli(dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--lines', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^lines: row 3, amount: /);
    const after = await core(dataDir);
    expect(after.orders.list()).toHaveLength(1);
  });
});

describe('cards command', () => {
  it('masks cards unless --reveal, and writes each reveal to the audit log first', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const placed = await runCli(dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5', '--qty', '3', '--poll-every', '0.2']);
    expect(placed.code, placed.stderr).toBe(0);
    const orderId = String(jsonLines<{ order: number }>(placed.stdout).at(-1)!.order);
    const masked = jsonLines<{ number: string; pin: string }>((await runCli(dataDir, ['--json', 'cards', orderId])).stdout);
    const shown = jsonLines<{ number: string; pin: string }>((await runCli(dataDir, ['--json', 'cards', orderId, '--reveal'])).stdout);
    expect(masked).toHaveLength(3);
    expect(shown).toHaveLength(3);
    masked.forEach((m, i) => {
      // Nothing of a number shows but its last four digits, and nothing of a PIN at all.
      expect(m.number).toMatch(/^•+\d{4}$/);
      expect(m.number.slice(-4)).toBe(shown[i]!.number.slice(-4));
      expect(m.pin).toBe('••••');
      expect(shown[i]!.pin).toMatch(/^\d+$/);
    });
    const c = await core(dataDir);
    const reveals = c.audit.list().filter((e) => e.action === 'cards.reveal');
    expect(reveals).toHaveLength(1);
    expect(JSON.stringify(reveals[0])).not.toContain(shown[0]!.number);
  });
});
