import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, runCliWithoutRootOverride as runCliAsUser } from '../support/cli';
import { tempDir } from '../support/temp-dir';

// A data folder the CLI cannot use as it is: a file where the folder should be, a folder without write permission,
// a database file that is read-only. Each is said in one sentence naming the folder and what to do, exit 2; where a
// store is there to read, the commands that only read work, and not one byte in the folder changes (no migration,
// no checkpoint, no -wal or -shm, no sandbox folder, no count of passcodes).

/** Every file under `dir` with its mode, size, time and content hash: what "nothing was written" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const s = statSync(p);
      const rel = path.relative(dir, p);
      if (s.isDirectory()) {
        out[`${rel}/`] = `${s.mode.toString(8)} ${s.mtimeMs}`;
        walk(p);
      } else out[rel] = `${s.mode.toString(8)} ${s.size} ${s.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

function chmodTree(dir: string, writable: boolean): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) chmodTree(p, writable);
    else chmodSync(p, writable ? 0o600 : 0o400);
  }
  chmodSync(dir, writable ? 0o700 : 0o500);
}

const lastLine = (text: string) => text.trim().split('\n').at(-1);

describe('a data folder that is not a folder', () => {
  it.each([
    ['the data folder is a file', (file: string) => file, (file: string) => 'it is a file'],
    ['a folder on its path is a file', (file: string) => path.join(file, 'data'), (file: string) => `${file} is a file`],
  ])('%s: exit 2, one sentence naming it and what to do', async (_, dataDirOf, says) => {
    const file = path.join(tempDir(), 'giftdesk');
    writeFileSync(file, 'notes\n');
    const dataDir = dataDirOf(file);
    const r = await runCliAsUser(dataDir, ['orders']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      `data-dir: The data folder ${dataDir} cannot be used: ${says(file)}, not a folder. Move that file away, or choose another data folder (--data-dir, or GIFTDESK_DATA_DIR).`,
    );
    expect(readFileSync(file, 'utf8')).toBe('notes\n');
  });
});

describe('a folder without write permission, before any store', () => {
  it('exit 2, naming the folder that cannot be written and what to do; nothing is made', async () => {
    const parent = path.join(tempDir(), 'shared');
    mkdirSync(parent, { mode: 0o500 });
    const dataDir = path.join(parent, 'giftdesk');
    try {
      const r = await runCliAsUser(dataDir, ['account', 'list']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(
        `data-dir: Giftdesk cannot make its card store in ${dataDir}: you have no write permission on ${parent}. ` +
          `Give your user write permission on ${parent} (chmod u+w "${parent}", or ask whoever owns it), or choose another data folder (--data-dir, or GIFTDESK_DATA_DIR).`,
      );
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      chmodSync(parent, 0o700);
    }
  });
});

describe('a store that cannot be written', () => {
  let dataDir: string;
  let out: string;
  let orderId: number;

  beforeAll(async () => {
    const root = tempDir('giftdesk-read-only-');
    dataDir = path.join(root, 'data');
    out = path.join(root, 'out');
    mkdirSync(out);
    const placed = await runCli(dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', '2', '--poll-every', '0.2']);
    expect(placed.code, placed.stderr).toBe(0);
    orderId = jsonLines<{ order: number }>(placed.stdout).at(-1)!.order;
  }, 120_000);
  afterAll(() => chmodTree(dataDir, true));

  /** The listings a person reads, all answered from the store as it is. */
  async function readsWork(): Promise<void> {
    const orders = await runCliAsUser(dataDir, ['orders']);
    expect(orders.code, orders.stderr).toBe(0);
    expect(orders.stdout).toMatch(new RegExp(`^${orderId}\\t.*complete`, 'm'));
    const json = await runCliAsUser(dataDir, ['--json', 'orders']);
    expect(json.code, json.stderr).toBe(0);
    expect(jsonLines<{ order: number; state: string }>(json.stdout)).toEqual([expect.objectContaining({ order: orderId, state: 'complete' })]);
    const cards = await runCliAsUser(dataDir, ['--json', 'cards', String(orderId)]);
    expect(cards.code, cards.stderr).toBe(0);
    expect(jsonLines(cards.stdout)).toHaveLength(2);
    const accounts = await runCliAsUser(dataDir, ['account', 'list']);
    expect(accounts.code, accounts.stderr).toBe(0);
    expect(accounts.stdout).toContain('Sandbox (Wpay)');
  }

  it('with the whole folder read-only: the listings work, writing commands are refused saying why, exit 2, and nothing in it changes', async () => {
    chmodTree(dataDir, false);
    try {
      const before = snapshot(dataDir);
      await readsWork();

      const why = `you have no write permission on it`;
      const remedy = `Give your user write permission on the folder and its files (chmod -R u+w "${dataDir}", or ask whoever owns it) to change anything.`;
      const order = await runCliAsUser(dataDir, ['order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', '1']);
      expect(order.code).toBe(2);
      expect(lastLine(order.stderr)).toBe(
        `data-dir: The data folder ${dataDir} is read-only (${why}): Giftdesk can show what it holds, but an order is written there before anything is sent, so nothing was done. ${remedy}`,
      );
      const sheet = await runCliAsUser(dataDir, ['sheet', String(orderId), '--out', path.join(out, 'sheet.pdf')]);
      expect(sheet.code).toBe(2);
      expect(lastLine(sheet.stderr)).toBe(
        `data-dir: The data folder ${dataDir} is read-only (${why}): Giftdesk can show what it holds, but every card sheet is written to its audit log, so nothing was done. ${remedy}`,
      );
      expect(readdirSync(out)).toEqual([]);
      const named = await runCliAsUser(dataDir, ['order', 'name', String(orderId), '--name', 'Staff party']);
      expect(named.code).toBe(2);
      expect(lastLine(named.stderr)).toMatch(new RegExp(`^data-dir: The data folder .* is read-only \\(${why}\\): Giftdesk can show what it holds, but an order's name and memo are written there with their audit entry, so nothing was done\\.`));

      // Not a migration, a checkpoint, a -wal, a -shm, a sandbox folder or a passcode count: the folder is as it was.
      expect(snapshot(dataDir)).toEqual(before);
      expect(Object.keys(before)).toEqual(['giftdesk.db', 'sandbox/', 'sandbox/identity.json', 'sandbox/orders/', 'sandbox/orders/00000001.json', 'store.json']);
    } finally {
      chmodTree(dataDir, true);
    }
  }, 120_000);

  it('with only the database file read-only ("attempt to write a readonly database" before): the listings work and the folder gains nothing', async () => {
    const db = path.join(dataDir, 'giftdesk.db');
    chmodSync(db, 0o400);
    try {
      const before = snapshot(dataDir);
      await readsWork();
      const order = await runCliAsUser(dataDir, ['order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', '1']);
      expect(order.code).toBe(2);
      expect(lastLine(order.stderr)).toBe(
        `data-dir: The data folder ${dataDir} is read-only (you have no write permission on giftdesk.db in it): Giftdesk can show what it holds, but an order is written there before anything is sent, so nothing was done. ` +
          `Give your user write permission on the folder and its files (chmod -R u+w "${dataDir}", or ask whoever owns it) to change anything.`,
      );
      expect(snapshot(dataDir)).toEqual(before);
    } finally {
      chmodSync(db, 0o600);
    }
  }, 120_000);
});
