// The alignment test page of a layout: every card's outline where the layout prints it, a cross at its middle, and a
// 100 mm ruler, to print on plain paper and hold against the card stock before printing cards on it.
import PDFDocument from 'pdfkit';
import type { SheetLayout } from './layouts';

type Doc = PDFKit.PDFDocument;
const MM = 72 / 25.4;

export function alignmentDocument(layout: SheetLayout): Doc {
  const doc = new PDFDocument({ size: layout.pageSize, margin: 0, autoFirstPage: false, info: { Title: `Alignment test ${layout.name}`, Creator: 'Giftdesk' } });
  doc.addPage({ size: layout.pageSize, margin: 0 });
  drawAlignment(doc, layout);
  doc.end();
  return doc;
}

function drawAlignment(doc: Doc, layout: SheetLayout): void {
  doc.font('Helvetica').fontSize(7.5).fillColor('#333333');
  doc.text(
    `Alignment test: ${layout.name}. Print at 100 % ("actual size", no scaling), then hold the page against a sheet of the card stock up to the light: every box must sit on a card.`,
    28,
    10,
    { width: layout.pageWidth - 56, lineBreak: true },
  );
  doc.lineWidth(0.5).strokeColor('black');
  layout.cells.forEach((c, i) => {
    doc.rect(c.x, c.y, c.width, c.height).stroke();
    const cx = c.x + c.width / 2;
    const cy = c.y + c.height / 2;
    doc.moveTo(cx - 4 * MM, cy).lineTo(cx + 4 * MM, cy).stroke();
    doc.moveTo(cx, cy - 4 * MM).lineTo(cx, cy + 4 * MM).stroke();
    doc.fontSize(9).fillColor('#555555').text(`Card ${i + 1}`, c.x + 3 * MM, c.y + 3 * MM, { lineBreak: false });
  });
  // The ruler checks the printer did not scale the page: 100 mm on paper is 100 mm on the ruler.
  const bottom = Math.max(...layout.cells.map((c) => c.y + c.height));
  const y = bottom + Math.min(6 * MM, (layout.pageHeight - bottom) / 2);
  const x0 = (layout.pageWidth - 100 * MM) / 2;
  doc.moveTo(x0, y).lineTo(x0 + 100 * MM, y).stroke();
  for (let i = 0; i <= 10; i++) doc.moveTo(x0 + i * 10 * MM, y).lineTo(x0 + i * 10 * MM, y - (i % 5 === 0 ? 3 : 1.5) * MM).stroke();
  doc.fontSize(6.5).fillColor('#333333').text('100 mm', x0 + 100 * MM + 2 * MM, y - 3, { lineBreak: false });
}
