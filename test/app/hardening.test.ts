import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { createProviderClient } from '../../main/core/providers/create-provider-client';
import { jsonLines, runCli, spawnCli } from '../support/cli';
import { person } from '../support/core';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { pngHeader } from '../support/pngs';
import { account, recordingClock } from '../support/provider-fixtures';
import { startStubServer } from '../support/stub-server';
import { tempDir } from '../support/temp-dir';

// What the red team found beyond the lock: a logo that explodes, control and direction characters, leftovers.

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('hardening', () => {
  it('refuses a sheet with a 20,000 × 20,000 logo at once, before anything is decoded or written', async () => {
    const made = await coreWithOrder(mixedCards(3));
    core = made.core;
    const dir = tempDir();
    const logo = path.join(dir, 'huge.png');
    pngHeader(logo, 20_000, 20_000);
    const out = path.join(dir, 'sheet.pdf');
    const before = process.memoryUsage().rss;
    await expect(core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout: 'a4-10', outPath: out, logoPath: logo })).rejects.toMatchObject({
      kind: 'validation',
      field: 'logo',
      message: expect.stringContaining('20,000 × 20,000 pixels'),
    });
    // Not decoded: decoding would need gigabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual(['huge.png']);

    // A logo of a sensible size still prints.
    const small = path.join(dir, 'small.png');
    pngHeader(small, 400, 1);
    await core.app.outputs.saveSheet(person('test'), { orderId: made.orderId, layout: 'a4-10', outPath: out, logoPath: small });
    expect(existsSync(out)).toBe(true);
  });

  it('refuses control and direction characters in an account name a person types, through the CLI', async () => {
    const dataDir = path.join(tempDir(), 'data');
    for (const name of ['Shop\u202Egnp.exe', 'Bell\u0007', 'Red \u001b[31mshop\u001b[0m']) {
      const r = await runCli(dataDir, ['account', 'add', '--name', name, '--provider', 'wpay'], 'wpay-key-0000000000000001\n');
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/^name: /m);
      // The refusal does not echo the escape codes back to the terminal.
      expect(r.stderr).not.toMatch(/[\u0007\u001b\u202e]/);
    }
    const listed = jsonLines<{ name: string }>((await runCli(dataDir, ['--json', 'account', 'list'])).stdout);
    expect(listed.map((a) => a.name)).not.toContainEqual(expect.stringMatching(/Shop|Bell|Red/));
  });

  it('neutralises control and direction characters in what a provider sends, before it is a card', async () => {
    const hostile = 'Gift\u0007 \u202Ecard\u001b[2J <b>x</b>\u0000';
    const server = await startStubServer(() => ({
      status: 200,
      body: {
        total_cards: 1,
        cards: [{ sku: 'WWQ651BHNWSH', productName: hostile, cardNumber: '6280000000000000001', cardPin: '1001', activationCode: null, barcode: null, activationUrl: null, formats: [], amount: '25.50', validity: '2030-01-01T00:00:00+00:00', cardId: 1 }],
      },
    }));
    try {
      const client = createProviderClient(account('wpay', server.url), { apiKey: 'k-123456' }, { clock: recordingClock(), retry: { maxAttempts: 1 } });
      const page = await client.fetchCards('AAN1', { offset: 0, limit: 100 });
      expect(page).toMatchObject({ state: 'ready' });
      const text = JSON.stringify(page);
      expect(text).toContain('Gift');
      expect(text).toContain('<b>x</b>');
      expect(text).not.toMatch(/\\u000[07]|\\u001b|\u202e|\\u0000/i);
    } finally {
      await server.close();
    }
  });

  it('removes a card file’s .partial left by a process killed mid-write, at the next start', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const made = await coreWithOrder(mixedCards(6000), dataDir);
    const orderId = made.orderId;
    await made.core.close();
    const out = tempDir();
    const child = spawnCli(dataDir, ['export', String(orderId), '--format', 'pdf', '--out', path.join(out, 'cards.pdf')]);
    const partial = () => readdirSync(out).filter((f) => f.endsWith('.partial'));
    try {
      await expect.poll(partial, { timeout: 90_000, interval: 50 }).toHaveLength(1);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
    await new Promise((r) => child.once('close', r));
    expect(partial()).toHaveLength(1);
    expect(readdirSync(out)).not.toContain('cards.pdf');

    // The next start of any Giftdesk process on that data folder removes it.
    expect((await runCli(dataDir, ['orders'])).code).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  }, 180_000);
});
