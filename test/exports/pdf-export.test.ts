import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { occurrences, pdfText, tool } from '../support/tools';

let core: Core | undefined;
afterEach(() => core?.close());

test('the PDF export is AES-256 encrypted: pdfinfo says so with the password, and without it nothing can be read', async () => {
  const made = await coreWithOrder(mixedCards(16));
  core = made.core;
  const pdf = path.join(tempDir(), 'cards.pdf');
  const passphrase = generatePassphrase();
  const result = await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'pdf', outPath: pdf, passphrase, sheet: { layout: 'letter-4' } });
  expect(result).toMatchObject({ format: 'pdf', cards: 16, pages: 4 });

  // Throwaway test passwords on poppler's command line: it has no other way to take one.
  const info = tool('pdfinfo', ['-upw', passphrase, pdf]);
  expect(info.status).toBe(0);
  expect(info.stdout).toMatch(/^Encrypted:\s+yes .*algorithm:AES-256/m);
  expect(info.stdout).toMatch(/^Pages:\s+4$/m);

  const locked = pdfText(pdf);
  expect(locked.status).not.toBe(0);
  expect(locked.text).toBe('');
  expect(tool('pdfinfo', ['-upw', generatePassphrase(), pdf]).status).not.toBe(0);

  const open = pdfText(pdf, passphrase);
  for (const c of core.cards.list(made.orderId)) expect(occurrences(open.text, c.number!)).toBe(1);
});

test('a typed passphrase a fast offline check would find is refused, by the estimator, and no file is written', async () => {
  const made = await coreWithOrder(mixedCards(2));
  core = made.core;
  const dir = tempDir();
  // Sixteen characters, eight of them different, each: what the old length rule let through, and the red team found.
  for (const weak of ['1234567812345678', 'password12345678', 'abcdefghabcdefgh', 'purple monkey dishwasher', 'password123']) {
    for (const format of ['pdf', 'zip'] as const) {
      await expect(
        core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format, outPath: path.join(dir, `x.${format}`), passphrase: weak }),
      ).rejects.toMatchObject({ kind: 'validation', field: 'passphrase', message: expect.stringMatching(/^That passphrase is too easy to guess/) });
    }
  }
  await expect(
    core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'pdf', outPath: path.join(dir, 'x.pdf'), passphrase: ' lantern orbit mango velvet' }),
  ).rejects.toMatchObject({ field: 'passphrase', message: expect.stringMatching(/starts or ends with a space/) });
  expect(readdirSync(dir)).toEqual([]);
  expect(core.audit.list({ subject: `order:${made.orderId}` })).toEqual([]);

  // Four unrelated words are enough.
  await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'pdf', outPath: path.join(dir, 'x.pdf'), passphrase: 'lantern orbit mango velvet' });
  expect(readdirSync(dir)).toEqual(['x.pdf']);
});

test('an export that fails while rendering leaves no partial file behind, and says which card', async () => {
  const cards = mixedCards(30);
  cards[25] = { ...cards[25]!, barcode: 'Ω-not-code-128' };
  const made = await coreWithOrder(cards);
  core = made.core;
  const dir = tempDir();
  const failure = core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'pdf', outPath: path.join(dir, 'x.pdf'), passphrase: generatePassphrase() }, { batchSize: 10 });
  await expect(failure).rejects.toThrow(new RegExp(`Card •+${cards[25]!.number!.slice(-4)}: its barcode value cannot be printed as Code 128`));
  await expect(failure).rejects.not.toThrow(cards[25]!.number!);
  expect(readdirSync(dir)).toEqual([]);
});

test('a logo that is not a PNG or JPEG, or an output folder that does not exist, is refused up front', async () => {
  const made = await coreWithOrder(mixedCards(2));
  core = made.core;
  const dir = tempDir();
  const request = { orderId: made.orderId, format: 'pdf' as const, passphrase: generatePassphrase() };
  await expect(core.app.outputs.exportCards(person('test'), { ...request, outPath: path.join(dir, 'x.pdf'), sheet: { logoPath: path.join(dir, 'nope.png') } })).rejects.toMatchObject({
    field: 'logo',
  });
  await expect(core.app.outputs.exportCards(person('test'), { ...request, outPath: path.join(dir, 'no-such-folder', 'x.pdf') })).rejects.toMatchObject({
    field: 'out',
    message: expect.stringContaining('does not exist'),
  });
  expect(readdirSync(dir)).toEqual([]);
});

test('a cancelled export stops and leaves no file behind', async () => {
  const made = await coreWithOrder(mixedCards(60));
  core = made.core;
  const dir = tempDir();
  const stop = new AbortController();
  await expect(
    core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'zip', outPath: path.join(dir, 'x.zip'), passphrase: generatePassphrase(), includeSheet: true }, { batchSize: 10, signal: stop.signal, onProgress: (n) => n >= 30 && stop.abort() }),
  ).rejects.toThrow(/cancelled/);
  expect(readdirSync(dir)).toEqual([]);
  expect(core.audit.list({ subject: `order:${made.orderId}` })).toEqual([]);
});
