import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { NewCard } from '../../shared/domain';
import { runCli } from '../support/cli';
import { openCore } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { mixedCards, storeOrder } from '../support/order-with-cards';
import { tool } from '../support/tools';
import { expectedRows, readCsv } from '../support/csv-rows';
import { decryptOffice } from '../support/office-tools';

// The spreadsheet card file, opened the way a person's spreadsheet opens it: decrypted by an independent
// implementation of Office's encryption (Debian's msoffcrypto-tool), then read by LibreOffice, whose rules for
// numbers are the ones that wreck the CSV (15 significant digits, leading zeros dropped).

const PASSPHRASE = 'seven wombats juggle quietly at dawn';

/** Digit strings a spreadsheet would round or strip, as the providers send them. */
function spreadsheetHostileCards(): NewCard[] {
  const [a, b, c, d] = mixedCards(4, 9);
  return [
    { ...a!, providerKey: 'w1', number: '6280000010000064676', pin: '0147', barcode: '628000001000006467600000000000147', expiry: '2029-11-30T08:57:08+00:00' },
    { ...b!, providerKey: 'w2', number: '9800000200001348', pin: '000123', barcode: '980000020000134800000000000000001', url: 'https://egift.example/r/1?c=0012' },
    { ...c!, providerKey: 'b1', number: '0004417123456789012', pin: '0000', barcode: null, productName: '=HYPERLINK("https://evil.example","Claim")', sku: '+61-SKU' },
    { ...d!, providerKey: 'b2', number: 'BHN00X0000000000000000123', pin: '00120', barcode: '0000000000000000000000000000000000001', amountCents: 1 },
  ];
}

async function orderInStore(sandbox: boolean) {
  const dataDir = tempDir();
  const core = await openCore(dataDir);
  try {
    const orderId = storeOrder(core, spreadsheetHostileCards(), sandbox ? 'sandbox' : 'real', `GD-XLSX-${sandbox ? 'S' : 'R'}`);
    return { dataDir, order: core.orders.get(orderId), cards: core.cards.list(orderId) };
  } finally {
    await core.close();
  }
}

// One LibreOffice profile for the file's tests: making one is most of LibreOffice's start-up time.
const profile = tempDir('giftdesk-lo-profile-');

/** LibreOffice headless, as a person's spreadsheet would read the workbook, saved back to CSV to compare. */
function libreOfficeCsv(file: string, dir: string): string | null {
  const outDir = path.join(dir, 'lo-out');
  tool('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, file]);
  const made = path.join(outDir, `${path.basename(file, path.extname(file))}.csv`);
  return existsSync(made) ? made : null;
}

test('the xlsx opens with its passphrase in LibreOffice and shows every card number, PIN and barcode digit for digit', async () => {
  const { dataDir, order, cards } = await orderInStore(false);
  const dir = tempDir();
  const file = path.join(dir, 'cards.xlsx');
  const r = await runCli(dataDir, ['--json', 'export', String(order.id), '--format', 'xlsx', '--out', file], `${PASSPHRASE}\n`);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ file, format: 'xlsx', cards: 4 });

  // Office's encrypted-package container (a compound file), not a ZIP anyone can unpack.
  expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const plain = path.join(dir, 'plain.xlsx');
  const opened = decryptOffice(file, PASSPHRASE, plain);
  expect(opened.status, opened.stderr).toBe(0);
  expect(opened.stdout.trim()).toBe('agile');

  const csv = libreOfficeCsv(plain, dir);
  expect(csv).not.toBeNull();
  const rows = readCsv(csv!);
  // What LibreOffice shows is exactly what is stored, leading zeros and all; nothing runs as a formula, so no
  // apostrophe is needed here, unlike in the CSV.
  expect(rows).toEqual(expectedRows(order, cards));
  for (const c of cards) expect(rows.flat()).toEqual(expect.arrayContaining([c.number!, c.pin!, ...(c.barcode ? [c.barcode] : [])]));
  expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
});

test('without the passphrase the xlsx does not open: LibreOffice cannot load it, a wrong passphrase is refused', async () => {
  const { dataDir, order, cards } = await orderInStore(false);
  const dir = tempDir();
  const file = path.join(dir, 'cards.xlsx');
  expect((await runCli(dataDir, ['export', String(order.id), '--format', 'xlsx', '--out', file], `${PASSPHRASE}\n`)).code).toBe(0);

  expect(libreOfficeCsv(file, dir)).toBeNull();
  const wrong = decryptOffice(file, 'eight wombats juggle quietly at dusk', path.join(dir, 'wrong.xlsx'));
  expect(wrong.status).not.toBe(0);
  expect(wrong.stderr).toMatch(/InvalidKeyError|could not be decrypted/);
  const bytes = readFileSync(file).toString('latin1');
  for (const c of cards) expect(bytes).not.toContain(c.number!);
});

test('a sandbox order’s xlsx says "yes" in the sandbox column of every row, and a weak passphrase writes nothing', async () => {
  const { dataDir, order, cards } = await orderInStore(true);
  const dir = tempDir();
  const file = path.join(dir, 'sandbox.xlsx');

  const weak = await runCli(dataDir, ['export', String(order.id), '--format', 'xlsx', '--out', file], 'short\n');
  expect(weak.code).toBe(2);
  expect(weak.stderr).toMatch(/^passphrase: That passphrase is too easy to guess/);
  expect(existsSync(file)).toBe(false);

  const r = await runCli(dataDir, ['export', String(order.id), '--format', 'xlsx', '--out', file]);
  expect(r.code, r.stderr).toBe(0);
  const generated = /^\s+([a-z2-9]{4}(?:-[a-z2-9]{4}){5})$/m.exec(r.stderr)?.[1];
  expect(generated, r.stderr).toBeDefined();
  const plain = path.join(dir, 'plain.xlsx');
  expect(decryptOffice(file, generated!, plain).status).toBe(0);
  const rows = readCsv(libreOfficeCsv(plain, dir)!);
  expect(rows).toEqual(expectedRows(order, cards, true));
  expect(rows.slice(1).map((row) => row.at(-1))).toEqual(cards.map(() => 'yes'));
});
