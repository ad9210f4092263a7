// One card, drawn in a fixed 85.6 × 54 mm design box and scaled into its cell, so every layout shows the same card.
import { maskCardNumber } from '../../../shared/mask';
import { formatMoney } from '../../../shared/money';
import { drawCode128, drawQr } from './barcodes';
import type { Rect } from './layouts';
import { scanValue, type PrintableCard } from './printable-card';

type Doc = PDFKit.PDFDocument;

export const CARD_WIDTH = (85.6 * 72) / 25.4;
export const CARD_HEIGHT = (54 * 72) / 25.4;
const PAD = 9;
const QR_SIZE = 62;

export interface CardStyle {
  currency: string;
  /** Leave an empty box for a scratch-off sticker instead of printing the PIN. */
  scratch: boolean;
  logoPath: string | null;
  /** Labels have no printed outline: the die cut is the edge. */
  outline: boolean;
}

export function drawCard(doc: Doc, card: PrintableCard, cell: Rect, style: CardStyle): void {
  const scale = Math.min(cell.width / CARD_WIDTH, cell.height / CARD_HEIGHT);
  doc.save();
  doc.translate(cell.x + (cell.width - CARD_WIDTH * scale) / 2, cell.y + (cell.height - CARD_HEIGHT * scale) / 2);
  doc.scale(scale);
  if (style.outline) doc.lineWidth(0.5).strokeColor('#999999').roundedRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 8).stroke();

  const hasQr = Boolean(card.url);
  const textRight = CARD_WIDTH - PAD - (hasQr ? QR_SIZE + 4 : 0);
  let left = PAD;
  if (style.logoPath) {
    doc.image(style.logoPath, PAD, PAD, { fit: [40, 22] });
    left += 44;
  }
  doc.fillColor('black').font('Helvetica-Bold').fontSize(9);
  doc.text(card.productName ?? card.sku ?? 'Gift card', left, PAD, { width: textRight - left, height: 11, lineBreak: false, ellipsis: true });
  doc.fontSize(15).text(formatMoney(card.amountCents, style.currency), left, PAD + 12, { width: textRight - left, lineBreak: false });

  label(doc, 'CARD NUMBER', PAD, 50);
  doc.font('Courier-Bold').fontSize(card.number && card.number.length > 20 ? 8 : 10.5);
  doc.text(card.number ?? '—', PAD, 57, { width: textRight - PAD, lineBreak: false });

  label(doc, 'PIN', PAD, 74);
  if (style.scratch || !card.pin) {
    doc.lineWidth(0.6).strokeColor('#555555').rect(PAD, 81, 70, 13).stroke();
  } else {
    doc.font('Courier-Bold').fontSize(10.5).fillColor('black').text(card.pin, PAD, 82, { width: 90, lineBreak: false });
  }
  label(doc, 'EXPIRES', PAD + 96, 74);
  doc.font('Helvetica').fontSize(9).fillColor('black').text(card.expiry ?? 'No expiry', PAD + 96, 82, { width: 70, lineBreak: false });

  if (card.url) drawQr(doc, card.url, CARD_WIDTH - PAD - QR_SIZE, PAD - 4, QR_SIZE);
  const value = scanValue(card);
  if (value) {
    try {
      drawCode128(doc, value, { x: PAD - 4, y: 100, width: CARD_WIDTH - 2 * PAD + 8, height: 42 }, 1.6);
    } catch (err) {
      // A sheet with a card that cannot be scanned must not be printed as if it were fine.
      throw new Error(`Card ${maskCardNumber(card.number)}: its barcode value cannot be printed as Code 128 (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  doc.restore();
}

function label(doc: Doc, text: string, x: number, y: number): void {
  doc.font('Helvetica').fontSize(5.5).fillColor('#555555').text(text, x, y, { lineBreak: false });
}
