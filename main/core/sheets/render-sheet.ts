// Renders a sheet into a PDF stream, one page at a time: pdfkit writes each finished page out when the next one
// starts (bufferPages stays off), so a 25,000-card sheet never holds more than one page in memory.
import { randomBytes } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { drawCard } from './draw-card';
import { pageCount, perPage, resolveLayout, type SheetLayout } from './layouts';
import type { PrintableCard } from './printable-card';

export interface SheetOptions {
  layout: string;
  scratch?: boolean;
  cropMarks?: boolean;
  /** Order reference and "page X of Y" at the top of each page. */
  header?: boolean;
  logoPath?: string | null;
  /** A line of the business's own words on every card ("Thank you for volunteering!"). */
  message?: string | null;
}

export interface SheetJob extends SheetOptions {
  /** The header's words: "Order GD-…", "Hand-out Gala dinner". */
  heading: string;
  orderReference: string;
  currency: string;
  /** Known before the first page, so the header can say "of Y". */
  cardCount: number;
  /** Cards of a sandbox account: each is marked across as not a real card. */
  sandbox: boolean;
  /** Stop after this many pages (a preview). */
  maxPages?: number;
  /** Encrypt the PDF (AES-256) with this open password. */
  openPassword?: string;
}

type Doc = PDFKit.PDFDocument;

export function createSheetDocument(job: SheetJob): { doc: Doc; layout: SheetLayout } {
  const layout = resolveLayout(job.layout);
  const encryption = job.openPassword
    ? {
        pdfVersion: '1.7ext3' as const,
        userPassword: job.openPassword,
        // A random, forgotten owner password: whoever opens the file may print and copy, not strip the encryption.
        ownerPassword: randomBytes(24).toString('base64url'),
        permissions: { printing: 'highResolution' as const, copying: true },
      }
    : {};
  const doc = new PDFDocument({
    size: layout.pageSize,
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    info: { Title: `Gift cards ${job.orderReference}`, Creator: 'Giftdesk' },
    ...encryption,
  });
  return { doc, layout };
}

/** Draws every card from the source; returns the number of pages and cards drawn. Ends the document. */
export async function drawSheet(
  doc: Doc,
  layout: SheetLayout,
  job: SheetJob,
  cards: AsyncIterable<PrintableCard[]>,
  afterPage: () => Promise<void> = async () => {},
): Promise<{ pages: number; cards: number }> {
  const totalPages = pageCount(layout, job.cardCount);
  const pageLimit = Math.min(totalPages, job.maxPages ?? Infinity);
  const style = { currency: job.currency, scratch: job.scratch ?? false, logoPath: job.logoPath ?? null, outline: !layout.label, sandbox: job.sandbox, message: job.message ?? null };
  let pages = 0;
  let slot = perPage(layout);
  let drawn = 0;
  outer: for await (const batch of cards) {
    for (const card of batch) {
      if (slot === perPage(layout)) {
        if (pages === pageLimit) break outer;
        if (pages > 0) await afterPage();
        doc.addPage({ size: layout.pageSize, margin: 0 });
        pages++;
        slot = 0;
        if (job.header !== false) drawHeader(doc, layout, job.heading, pages, totalPages);
        if (job.cropMarks && !layout.label) drawCropMarks(doc, layout);
      }
      drawCard(doc, card, layout.cells[slot]!, style);
      slot++;
      drawn++;
    }
  }
  if (pages === 0) {
    doc.addPage({ size: layout.pageSize, margin: 0 });
    pages = 1;
    if (job.header !== false) drawHeader(doc, layout, job.heading, 1, 1);
    doc.font('Helvetica').fontSize(12).fillColor('black').text('There are no cards to print.', 40, 80);
  }
  doc.end();
  return { pages, cards: drawn };
}

function drawHeader(doc: Doc, layout: SheetLayout, heading: string, page: number, of: number): void {
  const y = layout.label ? 12 : 10;
  const width = layout.pageWidth - 2 * 28;
  doc.font('Helvetica').fontSize(8).fillColor('#333333');
  doc.text(heading, 28, y, { width: width - 80, lineBreak: false, ellipsis: true });
  doc.text(`Page ${page} of ${of}`, 28, y, { width, align: 'right', lineBreak: false });
}

/** Marks in the margins along every cut line, so a guillotine can follow them after the cards are printed. */
function drawCropMarks(doc: Doc, layout: SheetLayout): void {
  const xs = new Set<number>();
  const ys = new Set<number>();
  for (const c of layout.cells) {
    xs.add(c.x).add(c.x + c.width);
    ys.add(c.y).add(c.y + c.height);
  }
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const len = 10;
  const off = 4;
  doc.lineWidth(0.3).strokeColor('black');
  for (const x of xs) {
    doc.moveTo(x, minY - off - len).lineTo(x, minY - off).stroke();
    doc.moveTo(x, maxY + off).lineTo(x, maxY + off + len).stroke();
  }
  for (const y of ys) {
    doc.moveTo(minX - off - len, y).lineTo(minX - off, y).stroke();
    doc.moveTo(maxX + off, y).lineTo(maxX + off + len, y).stroke();
  }
}
