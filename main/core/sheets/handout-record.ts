// A hand-out's record on paper: one line per card (its last four digits, never more), its value, who got it and
// when, a column to sign in, and the totals. Drawn page by page like a card sheet.
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

export interface HandoutRecord {
  title: string;
  /** Date, place, note: one line each. */
  details: string[];
  /** When the record was made, as people read it. */
  madeAt: string;
  rows: { last4: string; product: string; value: string; state: string; recipient: string; time: string }[];
  /** `value` is null where the line counts cards only (those returned to stock are counted in stock again). */
  totals: { label: string; cards: number; value: string | null }[];
}

const MARGIN = 40;
// Tall enough to sign in.
const ROW = 26;
const COLUMNS = [
  { key: 'n', title: '#', width: 30 },
  { key: 'last4', title: 'Card', width: 52 },
  { key: 'product', title: 'Product', width: 110 },
  { key: 'value', title: 'Value', width: 62 },
  { key: 'state', title: 'Status', width: 52 },
  { key: 'recipient', title: 'Recipient', width: 100 },
  { key: 'time', title: 'Time', width: 60 },
  { key: 'signature', title: 'Signature', width: 0 },
] as const;

export function recordDocument(record: HandoutRecord): { doc: Doc; pages: number } {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: false, info: { Title: `Hand-out record ${record.title}`, Creator: 'Giftdesk' } });
  const width = doc.page ? doc.page.width : 595.28;
  const height = 841.89;
  const tableWidth = width - 2 * MARGIN;
  const widths = COLUMNS.map((c) => c.width || tableWidth - COLUMNS.reduce((n, x) => n + x.width, 0));
  let y = 0;
  let page = 0;
  const newPage = () => {
    doc.addPage({ size: 'A4', margin: 0 });
    page++;
    y = MARGIN;
    doc.font('Helvetica-Bold').fontSize(page === 1 ? 15 : 10).fillColor('black').text(`Hand-out record: ${record.title}`, MARGIN, y, { width: tableWidth, lineBreak: false, ellipsis: true });
    y += page === 1 ? 22 : 16;
    if (page === 1) {
      doc.font('Helvetica').fontSize(9).fillColor('#333333');
      for (const line of [...record.details, `Made ${record.madeAt}`]) {
        doc.text(line, MARGIN, y, { width: tableWidth, lineBreak: false, ellipsis: true });
        y += 13;
      }
      y += 6;
    }
    header();
  };
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor('black');
    let x = MARGIN;
    COLUMNS.forEach((c, i) => {
      doc.text(c.title, x + 3, y + 6, { width: widths[i]! - 6, lineBreak: false });
      x += widths[i]!;
    });
    y += ROW;
    doc.lineWidth(0.8).strokeColor('black').moveTo(MARGIN, y).lineTo(MARGIN + tableWidth, y).stroke();
  };
  const cell = (text: string, x: number, w: number) => doc.text(text, x + 3, y + 9, { width: w - 6, lineBreak: false, ellipsis: true });

  newPage();
  record.rows.forEach((r, index) => {
    if (y + ROW > height - MARGIN - 14) newPage();
    doc.font('Helvetica').fontSize(8.5).fillColor('black');
    const values = [String(index + 1), `••${r.last4}`, r.product, r.value, r.state, r.recipient, r.time, ''];
    let x = MARGIN;
    values.forEach((v, i) => {
      cell(v, x, widths[i]!);
      x += widths[i]!;
    });
    y += ROW;
    doc.lineWidth(0.3).strokeColor('#999999').moveTo(MARGIN, y).lineTo(MARGIN + tableWidth, y).stroke();
  });
  if (y + 30 + record.totals.length * 15 > height - MARGIN) newPage();
  y += 16;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('Totals', MARGIN, y, { lineBreak: false });
  y += 16;
  doc.font('Helvetica').fontSize(9.5);
  for (const t of record.totals) {
    doc.text(`${t.label}: ${t.cards} ${t.cards === 1 ? 'card' : 'cards'}${t.value === null ? '' : `, ${t.value}`}`, MARGIN, y, { width: tableWidth, lineBreak: false });
    y += 15;
  }
  doc.end();
  return { doc, pages: page };
}
