import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun, occurrences, pdfText, tool } from '../support/tools';
import { expectedRows, readCsv } from '../support/csv-rows';

let core: Core | undefined;
afterEach(() => core?.close());

test('7-Zip opens the AES-256 ZIP with the passphrase (typed at its prompt); the CSV matches the store', async () => {
  const made = await coreWithOrder(mixedCards(60));
  core = made.core;
  const dir = tempDir();
  const zip = path.join(dir, 'cards.zip');
  const passphrase = generatePassphrase();

  const result = await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'zip', outPath: zip, passphrase, includeSheet: true, sheet: { layout: 'a4-8' } });
  expect(result).toMatchObject({ format: 'zip', cards: 60, pages: 8 });

  const listing = mustRun('7z', ['l', '-slt', zip]);
  expect(occurrences(listing, 'Method = AES-256')).toBe(2);

  const out = path.join(dir, 'out');
  mustRun('7z', ['x', `-o${out}`, zip], `${passphrase}\n`);
  expect(readdirSync(out).sort()).toEqual(['cards.csv', 'cards.pdf']);
  expect(readCsv(path.join(out, 'cards.csv'))).toEqual(expectedRows(core.orders.get(made.orderId), core.cards.list(made.orderId)));
  const { text } = pdfText(path.join(out, 'cards.pdf'));
  for (const c of core.cards.list(made.orderId)) expect(occurrences(text, c.number!)).toBe(1);
  expect(text).toContain('Page 8 of 8');
});

test('a wrong passphrase opens nothing', async () => {
  const made = await coreWithOrder(mixedCards(5));
  core = made.core;
  const dir = tempDir();
  const zip = path.join(dir, 'cards.zip');
  await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'zip', outPath: zip, passphrase: generatePassphrase() });

  const out = path.join(dir, 'out');
  const r = tool('7z', ['x', `-o${out}`, zip], `${generatePassphrase()}\n`);
  expect(r.status).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/Wrong password/i);
  const extracted = existsSync(path.join(out, 'cards.csv')) ? readFileSync(path.join(out, 'cards.csv'), 'utf8') : '';
  for (const c of core.cards.list(made.orderId)) expect(extracted).not.toContain(c.number!);
});

test('the export is audited with order, card count and format, never the passphrase or a card', async () => {
  const made = await coreWithOrder(mixedCards(20));
  core = made.core;
  const zip = path.join(tempDir(), 'cards.zip');
  const passphrase = generatePassphrase();
  await core.app.outputs.exportCards(person('alice'), { orderId: made.orderId, format: 'zip', outPath: zip, passphrase });

  const [event] = core.audit.list({ subject: `order:${made.orderId}` });
  expect(event).toMatchObject({ actor: { user: 'alice' }, action: 'cards.export', details: { format: 'zip', cards: 20, protection: 'passphrase' } });
  const details = JSON.stringify(event!.details);
  expect(details).not.toContain(passphrase);
  for (const c of core.cards.list(made.orderId)) expect(details).not.toContain(c.number!);
});
