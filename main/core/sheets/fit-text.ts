// Text drawn inside a box it may not leave. Names and amounts shrink, then end in "…"; a card number or PIN is never
// cut short (a shortened secret is a wrong card): it shrinks, then breaks over lines, and a value that still does not
// fit stops the sheet instead of printing something a person cannot read back.
import type { Rect } from './layouts';

type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  font: string;
  size: number;
  /** The smallest size still readable on a printed card. */
  minSize: number;
  /** In the middle of its box rather than at its left edge. */
  centred?: boolean;
}

/** Line height as pdfkit lays out a line of the standard fonts, in ems. */
const LINE = 1.16;
const STEP = 0.25;

/** One line, shrunk to fit the box, and ellipsized when even the smallest size is too wide. */
export function fitLine(doc: Doc, text: string, box: Rect, style: TextStyle): void {
  let size = Math.min(style.size, box.height / LINE);
  doc.font(style.font);
  while (size > style.minSize && doc.fontSize(size).widthOfString(text) > box.width) size = Math.max(style.minSize, size - STEP);
  doc.fontSize(size);
  const shown = doc.widthOfString(text) <= box.width ? text : ellipsize(doc, text, box.width);
  const x = style.centred ? box.x + (box.width - doc.widthOfString(shown)) / 2 : box.x;
  doc.text(shown, x, box.y + (box.height - size * LINE) / 2, { lineBreak: false });
}

/** Every character, shrunk and if need be broken over lines; throws when the box cannot hold it readably. */
export function fitExact(doc: Doc, text: string, box: Rect, style: TextStyle): void {
  doc.font(style.font);
  for (let size = Math.min(style.size, box.height / LINE); size >= style.minSize; size -= STEP) {
    doc.fontSize(size);
    const lines = breakToWidth(doc, text, box.width);
    if (lines.length * size * LINE <= box.height) {
      const top = box.y + (box.height - lines.length * size * LINE) / 2;
      lines.forEach((line, i) => doc.text(line, box.x, top + i * size * LINE, { lineBreak: false }));
      return;
    }
  }
  throw new Error(`a value of ${text.length} characters does not fit on the card`);
}

function ellipsize(doc: Doc, text: string, width: number): string {
  let n = text.length;
  while (n > 0 && doc.widthOfString(`${text.slice(0, n).trimEnd()}…`) > width) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

/** Breaks between any two characters: card numbers have no spaces to break at. */
function breakToWidth(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && doc.widthOfString(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}
