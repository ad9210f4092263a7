import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands';
import { runCli } from '../../main/cli/run-cli';
import { addTestAccount, openCore, realKeychain, testVault } from '../support/core';
import { withRawDb } from '../support/raw-db';
import { fakeCards } from '../support/fake-cards';
import { tempDir } from '../support/temp-dir';

// `cards ORDER --reveal`, run in this process through the CLI's own entry (runCli), so that the moment each line is
// printed can be compared with what the audit log holds at that moment.

const CARDS = fakeCards(5, 31);

async function storeWithOrder(): Promise<{ dataDir: string; orderId: number }> {
  const dataDir = path.join(tempDir(), 'data');
  const core = await openCore(dataDir);
  try {
    const account = addTestAccount(core);
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: 'gd-reveal-1', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: CARDS.length }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, CARDS, Date.now());
    return { dataDir, orderId: order.id };
  } finally {
    await core.close();
  }
}

async function cli(dataDir: string, args: string[], onLine: (line: string) => void = () => undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', dataDir, '--json', ...args], {
    env: {},
    commands: COMMANDS,
    coreOptions: { keychain: realKeychain, label: 'CLI', ...testVault() },
    out: (line) => {
      onLine(line);
      out.push(line);
    },
    err: (line) => err.push(line),
    readStdin: async () => '',
    secretLine: async () => null,
  });
  return { code, out, err };
}

const secretsIn = (text: string) => CARDS.filter((c) => text.includes(c.number!) || text.includes(c.pin!)).length;

describe('cards --reveal', () => {
  it('has the reveal in the audit log before the first card is printed', async () => {
    const { dataDir, orderId } = await storeWithOrder();
    const observer = await openCore(dataDir);
    try {
      const logged: number[] = [];
      const r = await cli(dataDir, ['cards', String(orderId), '--reveal'], () => {
        logged.push(observer.audit.list({ subject: `order:${orderId}` }).filter((e) => e.action === 'cards.reveal').length);
      });
      expect(r.code, r.err.join('\n')).toBe(0);
      expect(r.out.map((l) => (JSON.parse(l) as { number: string }).number)).toEqual(CARDS.map((c) => c.number));
      expect(logged).toEqual(CARDS.map(() => 1));
      const [entry] = observer.audit.list({ subject: `order:${orderId}` });
      expect(entry).toMatchObject({ actor: { via: 'cli' }, action: 'cards.reveal', details: { cards: CARDS.length, reference: 'gd-reveal-1' } });
      expect(secretsIn(JSON.stringify(entry))).toBe(0);
    } finally {
      await observer.close();
    }
  });

  it('shows nothing when the reveal cannot be written to the audit log', async () => {
    const { dataDir, orderId } = await storeWithOrder();
    // The store refuses the audit entry as a full disk would; everything else still works.
    withRawDb(dataDir, (db) =>
      db.exec(`CREATE TRIGGER audit_write_fails BEFORE INSERT ON events WHEN NEW.action = 'cards.reveal'
               BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`),
    );

    const r = await cli(dataDir, ['cards', String(orderId), '--reveal']);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/disk is full/);
    expect(secretsIn(r.err.join('\n'))).toBe(0);

    // Masked listing needs no audit entry and still works.
    const masked = await cli(dataDir, ['cards', String(orderId)]);
    expect(masked.code).toBe(0);
    expect(masked.out).toHaveLength(CARDS.length);
    expect(secretsIn(masked.out.join('\n'))).toBe(0);
  });
});
