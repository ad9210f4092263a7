// A report's table written as CSV (for programs and importers) or XLSX (for people), chosen by the file's name.
// No card secret is ever in one: these are the bookkeeper's files, written in the clear.
import { formatCents } from '../../../shared/money';
import { ValidationError } from '../errors';
import { csvTable } from '../exports/csv';
import { writeAtomically } from '../exports/output-file';

/** text: as written; money: cents, written as an amount (12.50); count: a whole number. */
export interface TableColumn {
  name: string;
  kind: 'text' | 'money' | 'count';
  width?: number;
}

export interface Table {
  sheet: string;
  columns: readonly TableColumn[];
  rows: (string | number | null)[][];
}

export type TableFormat = 'csv' | 'xlsx';

/** The format a file's name asks for; anything else is refused naming the option. */
export function tableFormatOf(outPath: string, field = 'out'): TableFormat {
  const ext = /\.(csv|xlsx)$/i.exec(outPath)?.[1]?.toLowerCase();
  if (ext !== 'csv' && ext !== 'xlsx') throw new ValidationError(field, `Name the file .csv or .xlsx (it was "${outPath}").`);
  return ext;
}

/** Writes the table under a temporary name and renames it into place, so a failure leaves no half file. */
export async function writeTableFile(outPath: string, table: Table): Promise<TableFormat> {
  const format = tableFormatOf(outPath);
  const bytes = format === 'csv' ? Buffer.from(csvText(table), 'utf8') : await xlsxBytes(table);
  await writeAtomically(outPath, async (out) => {
    await new Promise<void>((resolve, reject) => out.end(bytes, (err?: Error | null) => (err ? reject(err) : resolve())));
  });
  return format;
}

export function csvText(table: Table): string {
  const cells = table.rows.map((row) => row.map((v, i) => (table.columns[i]?.kind === 'money' && typeof v === 'number' ? formatCents(v) : v)));
  return csvTable(
    table.columns.map((c) => c.name),
    cells,
  );
}

async function xlsxBytes(table: Table): Promise<Buffer> {
  // Loaded when a spreadsheet is written, not at every start of the CLI or the app (it is the heaviest module we use).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Giftdesk';
  const sheet = book.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    key: c.name,
    width: c.width ?? Math.max(12, c.name.length + 2),
    style: { numFmt: c.kind === 'money' ? '0.00' : c.kind === 'count' ? '0' : '@' },
  }));
  const header = sheet.addRow(table.columns.map((c) => c.name));
  header.font = { bold: true };
  for (const row of table.rows) {
    // Text stays text (a reference like "=1+1" is never run as a formula); money is a number in the currency's units.
    sheet.addRow(row.map((v, i) => (table.columns[i]?.kind === 'money' && typeof v === 'number' ? v / 100 : v)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

