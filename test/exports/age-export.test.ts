import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun, tool } from '../support/tools';
import { expectedRows, readCsv } from '../support/csv-rows';

let core: Core | undefined;
afterEach(() => core?.close());

test('age -d with the recipient identity gives the CSV of the store; another identity cannot open it', async () => {
  const made = await coreWithOrder(mixedCards(40));
  core = made.core;
  const dir = tempDir();
  const identity = path.join(dir, 'key.txt');
  mustRun('age-keygen', ['-o', identity]);
  const recipient = mustRun('age-keygen', ['-y', identity]).trim();
  const file = path.join(dir, 'cards.csv.age');

  const result = await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'age', outPath: file, recipients: [recipient] });
  expect(result).toMatchObject({ format: 'age', cards: 40 });

  const csv = path.join(dir, 'cards.csv');
  mustRun('age', ['-d', '-i', identity, '-o', csv, file]);
  expect(readCsv(csv)).toEqual(expectedRows(core.orders.get(made.orderId), core.cards.list(made.orderId)));

  const other = path.join(dir, 'other.txt');
  mustRun('age-keygen', ['-o', other]);
  expect(tool('age', ['-d', '-i', other, file]).status).not.toBe(0);
  const [event] = core.audit.list({ subject: `order:${made.orderId}` });
  expect(event!.details).toMatchObject({ format: 'age', cards: 40, protection: 'age-recipients', recipients: [recipient] });
});

test('age -d opens a passphrase (scrypt) file when the passphrase is typed at its terminal prompt', async () => {
  const made = await coreWithOrder(mixedCards(12));
  core = made.core;
  const dir = tempDir();
  const file = path.join(dir, 'cards.csv.age');
  const passphrase = generatePassphrase();
  await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'age', outPath: file, passphrase, bom: true });
  expect(readFileSync(file, 'latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);

  // age reads a passphrase only from a terminal: `script` gives it a pseudo-terminal fed from our stdin.
  const csv = path.join(dir, 'cards.csv');
  const ok = tool('script', ['-qec', `age -d -o ${csv} ${file}`, '/dev/null'], `${passphrase}\n`);
  expect(ok.status, ok.stdout).toBe(0);
  expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(readCsv(csv)).toEqual(expectedRows(core.orders.get(made.orderId), core.cards.list(made.orderId)));

  const wrong = tool('script', ['-qec', `age -d -o ${path.join(dir, 'x.csv')} ${file}`, '/dev/null'], `${generatePassphrase()}\n`);
  expect(wrong.status).not.toBe(0);
  expect(wrong.stdout).toMatch(/incorrect passphrase/);
});

test('a recipient that is not an age public key is refused before anything is written', async () => {
  const made = await coreWithOrder(mixedCards(3));
  core = made.core;
  const dir = tempDir();
  writeFileSync(path.join(dir, 'keep'), '');
  await expect(
    core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'age', outPath: path.join(dir, 'x.age'), recipients: ['ssh-rsa AAAA'] }),
  ).rejects.toMatchObject({ kind: 'validation', field: 'recipient' });
  expect(mustRun('ls', [dir]).trim()).toBe('keep');
});
