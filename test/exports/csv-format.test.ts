import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { coreWithOrder, mixedCards } from '../support/order-with-cards';
import { mustRun } from '../support/tools';
import { README_COLUMNS, readCsv } from '../support/csv-rows';

let core: Core | undefined;
afterEach(() => core?.close());

async function exportCsv(bom: boolean): Promise<{ bytes: Buffer; rows: string[][] }> {
  const [plain, tricky] = mixedCards(2);
  const cards = [
    plain!,
    { ...tricky!, productName: '=HYPERLINK("https://evil.example","Claim"), then "more"', sku: '+61-SKU', expiry: null, url: 'https://egift.example/a,b\r\nc' },
    { ...tricky!, providerKey: 'p3', number: '@SUM(A1)', pin: '-1234', productName: 'Café Crème Gift', barcode: null, amountCents: 1 },
  ];
  const made = await coreWithOrder(cards);
  core = made.core;
  const dir = tempDir();
  const identity = path.join(dir, 'key.txt');
  mustRun('age-keygen', ['-o', identity]);
  const file = path.join(dir, 'cards.age');
  await core.app.outputs.exportCards(person('test'), { orderId: made.orderId, format: 'age', outPath: file, bom, recipients: [mustRun('age-keygen', ['-y', identity]).trim()] });
  const csv = path.join(dir, 'cards.csv');
  mustRun('age', ['-d', '-i', identity, '-o', csv, file]);
  return { bytes: readFileSync(csv), rows: readCsv(csv) };
}

test('cells a spreadsheet would run as formulas are defused with an apostrophe; commas, quotes and line breaks survive', async () => {
  const { bytes, rows } = await exportCsv(false);
  expect(bytes.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(bytes.toString('utf8')).toMatch(/^order_reference,product,sku,card_number,pin,amount,currency,expiry,barcode,url,activation_code,sandbox\r\n/);
  expect(rows).toHaveLength(4);
  expect(rows[2]!.slice(1, 3)).toEqual([`'=HYPERLINK("https://evil.example","Claim"), then "more"`, `'+61-SKU`]);
  expect(rows[2]![7]).toBe('');
  expect(rows[2]![9]).toBe('https://egift.example/a,b\r\nc');
  expect(rows[3]!.slice(1, 6)).toEqual(['Café Crème Gift', 'WW-EGIFT', `'@SUM(A1)`, `'-1234`, '0.01']);
  for (const row of rows) expect(row).toHaveLength(README_COLUMNS.length);
});

test('the Excel option starts the file with a UTF-8 byte-order mark', async () => {
  const { bytes, rows } = await exportCsv(true);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(rows[0]![0]).toBe('order_reference');
  expect(rows[3]![1]).toBe('Café Crème Gift');
});
