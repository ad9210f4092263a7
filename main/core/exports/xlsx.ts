// The card file for people: an .xlsx whose cells are all text (so a spreadsheet keeps every digit of a card number,
// PIN and barcode, and never runs a value as a formula), amounts as numbers, encrypted as a whole with the Office
// standard encryption (ECMA-376 agile: AES-256, SHA-512, 100,000 spins) so Excel and LibreOffice ask for the password.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import type { PrintableCard } from '../sheets/printable-card';
import { cardColumns, type CardFileOptions } from './card-columns';

const TEXT = '@';
const AMOUNT = '0.00';
/** Wide enough for a 33-digit barcode, so nothing shows as ####. */
const WIDTHS: Record<string, number> = {
  order_reference: 24,
  product: 32,
  sku: 16,
  card_number: 24,
  pin: 10,
  amount: 10,
  currency: 9,
  expiry: 26,
  barcode: 36,
  url: 40,
  activation_code: 20,
  sandbox: 9,
  recipient_name: 28,
  recipient_contact: 32,
  recipient_reference: 20,
};

/** The workbook in memory (the plain package never touches the disk), then the encrypted file's bytes. */
export async function encryptedXlsx(cards: AsyncIterable<PrintableCard[]>, options: CardFileOptions, password: string): Promise<Buffer> {
  const plain = await workbook(cards, options);
  try {
    return officeCrypto.encrypt(plain, { password });
  } finally {
    plain.fill(0);
  }
}

async function workbook(cards: AsyncIterable<PrintableCard[]>, options: CardFileOptions): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // Shared strings: the standard way to store text cells (without them exceljs writes formula-result cells).
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  book.creator = 'Giftdesk';
  const sheet = book.addWorksheet('Cards', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = cardColumns(options);
  sheet.columns = columns.map((c) => ({ key: c.name, width: WIDTHS[c.name] ?? 16, style: { numFmt: c.amount ? AMOUNT : TEXT } }));
  const header = sheet.addRow(columns.map((c) => c.name));
  header.font = { bold: true };
  header.commit();
  for await (const batch of cards) {
    for (const card of batch) {
      const row = sheet.addRow(columns.map((c) => cellValue(c.amount === true, c.value(card, options))));
      row.eachCell({ includeEmpty: true }, (cell, i) => (cell.numFmt = columns[i - 1]?.amount ? AMOUNT : TEXT));
      row.commit();
    }
  }
  sheet.commit();
  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}

function cellValue(amount: boolean, value: string | null): string | number | null {
  if (value === null || value === '') return null;
  return amount ? Number(value) : value;
}
