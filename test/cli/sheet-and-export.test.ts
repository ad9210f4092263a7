import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/cli';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun, occurrences, pdfText, tool } from '../support/tools';
import { expectedRows, readCsv } from '../support/csv-rows';

async function storedOrder(n: number) {
  const made = await coreWithOrder(mixedCards(n, 5));
  const order = made.core.orders.get(made.orderId);
  const cards = made.core.cards.list(made.orderId);
  await made.core.close();
  return { dataDir: made.dataDir, order, cards, out: tempDir() };
}

async function auditOf(dataDir: string, orderId: number) {
  const core = await openCore(dataDir);
  try {
    return core.audit.list({ subject: `order:${orderId}` });
  } finally {
    await core.close();
  }
}

test('sheet --scratch writes a PDF with every card number and no PIN, and says nothing secret', async () => {
  const { dataDir, order, cards, out } = await storedOrder(14);
  const pdf = path.join(out, 'sheet.pdf');
  const r = await runCli(dataDir, ['sheet', String(order.id), '--out', pdf, '--layout', 'letter-4', '--scratch', '--crop-marks']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('14 cards on 4 pages');

  const { text } = pdfText(pdf);
  const withoutNumbers = cards.reduce((t, c) => t.replaceAll(c.number!, ''), text);
  for (const c of cards) {
    expect(occurrences(text, c.number!)).toBe(1);
    expect(withoutNumbers).not.toContain(c.pin!);
    expect(r.stdout + r.stderr).not.toContain(c.number!);
  }
  expect((await auditOf(dataDir, order.id))[0]).toMatchObject({ actor: { via: 'cli' }, action: 'sheet.save', details: { cards: 14, pages: 4, layout: 'letter-4' } });
  expect((await runCli(dataDir, ['sheet', String(order.id), '--out', pdf])).code).toBe(2);
});

test('export with nothing on stdin generates a passphrase, shows it once on stderr, and 7z opens the ZIP with it', async () => {
  const { dataDir, order, cards, out } = await storedOrder(25);
  const zip = path.join(out, 'cards.zip');
  const r = await runCli(dataDir, ['--json', 'export', String(order.id), '--format', 'zip', '--out', zip, '--with-sheet']);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ file: zip, format: 'zip', cards: 25, pages: 3 });

  const shown = /^\s+([a-z2-9]{4}(?:-[a-z2-9]{4}){5})$/m.exec(r.stderr)?.[1];
  expect(shown, r.stderr).toBeDefined();
  expect(shown!.length).toBeGreaterThanOrEqual(20);
  expect(occurrences(r.stdout + r.stderr, shown!)).toBe(1);

  const dir = path.join(out, 'x');
  mustRun('7z', ['x', `-o${dir}`, zip], `${shown}\n`);
  expect(readdirSync(dir).sort()).toEqual(['cards.csv', 'cards.pdf']);
  expect(readCsv(path.join(dir, 'cards.csv'))).toEqual(expectedRows(order, cards));

  const events = await auditOf(dataDir, order.id);
  expect(events[0]).toMatchObject({ actor: { via: 'cli' }, action: 'cards.export', details: { format: 'zip', cards: 25, withSheet: true } });
  expect(JSON.stringify(events)).not.toContain(shown!);
});

test('export reads a typed passphrase from stdin, refuses a weak one, and never echoes it', async () => {
  const { dataDir, order, cards, out } = await storedOrder(6);
  const pdf = path.join(out, 'cards.pdf');

  const weak = await runCli(dataDir, ['export', String(order.id), '--format', 'pdf', '--out', pdf], 'password12345678\n');
  expect(weak.code).toBe(2);
  expect(weak.stderr).toMatch(/^passphrase: That passphrase is too easy to guess/);
  expect(existsSync(pdf)).toBe(false);

  const passphrase = 'plum tractor velvet orbit 42';
  const r = await runCli(dataDir, ['export', String(order.id), '--format', 'pdf', '--out', pdf, '--layout', 'a4-4'], `${passphrase}\n`);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout + r.stderr).not.toContain(passphrase);
  expect(pdfText(pdf).status).not.toBe(0);
  const open = pdfText(pdf, passphrase);
  for (const c of cards) expect(occurrences(open.text, c.number!)).toBe(1);
  expect(JSON.stringify(await auditOf(dataDir, order.id))).not.toContain(passphrase);
});

test('export --recipient writes an age file only that identity opens, without asking for a passphrase', async () => {
  const { dataDir, order, cards, out } = await storedOrder(8);
  const identity = path.join(out, 'key.txt');
  mustRun('age-keygen', ['-o', identity]);
  const recipient = mustRun('age-keygen', ['-y', identity]).trim();
  const file = path.join(out, 'cards.csv.age');
  const r = await runCli(dataDir, ['export', String(order.id), '--format', 'age', '--out', file, '--recipient', recipient]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/Passphrase/);
  const csv = path.join(out, 'cards.csv');
  mustRun('age', ['-d', '-i', identity, '-o', csv, file]);
  expect(readCsv(csv)).toEqual(expectedRows(order, cards));
  expect(tool('age', ['-d', '-i', identity, path.join(out, 'missing.age')]).status).not.toBe(0);
});
