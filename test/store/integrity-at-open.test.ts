import { createHash } from 'node:crypto';
import { openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { runCli } from '../support/cli';
import { openCore } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { storeOrder } from '../support/order-with-cards';
import { withRawDb } from '../support/raw-db';
import { tempDir } from '../support/temp-dir';

// Damage in the middle of the file (issue 13, Deliver 7): the integrity check begun at open finds it within seconds,
// as the named store-corruption error, and a later read of the damaged page says the same; the file is left as it was.

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

it('finds a flipped byte in the middle of the store right after open, names it, and leaves the file byte-identical', async () => {
  const dataDir = path.join(tempDir(), 'data');
  const core = await openCore(dataDir);
  const orderId = storeOrder(core, fakeCards(3_000, 5));
  expect(await core.integrity).toBeNull();
  await core.close();

  // The middle page of the cards table itself (the file also holds custody and indexes): the listing below reads it.
  const file = path.join(dataDir, DATABASE_FILE);
  const middle = withRawDb(dataDir, (db) => {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'cards' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
    return (pages[Math.floor(pages.length / 2)]! - 1) * pageSize + Math.floor(pageSize / 2);
  });
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from([readFileSync(file)[middle]! ^ 0xff]), 0, 1, middle);
  closeSync(fd);
  const damaged = sha(file);

  const reopened = await openCore(dataDir);
  const found = await Promise.race([reopened.integrity, new Promise<'late'>((r) => setTimeout(() => r('late'), 10_000))]);
  expect(found).toMatchObject({ kind: 'store-corrupt' });
  expect((found as Error).message).toMatch(/^The card store at .*giftdesk\.db is damaged \(.+\)\. The file was left exactly as it was\. Restore it from a backup/);
  await reopened.close();
  expect(sha(file)).toBe(damaged);

  // Reading every card of the order reaches the damaged page: the CLI names the damage, never "Unexpected error".
  const cards = await runCli(dataDir, ['cards', String(orderId)]);
  expect(cards.code).not.toBe(0);
  expect(cards.stderr).toMatch(/The card store at giftdesk\.db is damaged \(a page read just now does not check out\)/);
  expect(cards.stderr).not.toContain('Unexpected error');
  expect(sha(file)).toBe(damaged);

  // A command that reads nothing damaged still ends with the check's finding.
  const accounts = await runCli(dataDir, ['account', 'list']);
  expect(accounts.code).toBe(1);
  expect(accounts.stderr).toMatch(/The card store at .*giftdesk\.db is damaged/);
  expect(sha(file)).toBe(damaged);
}, 120_000);
