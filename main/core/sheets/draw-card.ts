// One card, drawn in a fixed 85.6 × 54 mm design box and scaled into its cell, so every layout shows the same card.
// Every piece of text has its own box on the card (BOXES) and is fitted into it (fit-text.ts).
import type { BarcodeFormat } from '../../../shared/domain';
import { formatExpiry } from '../../../shared/expiry';
import { maskCardNumber } from '../../../shared/mask';
import { formatMoney } from '../../../shared/money';
import { drawBarcode, drawQr } from './barcodes';
import { fitExact, fitLine } from './fit-text';
import type { Rect } from './layouts';
import { scanFormat, scanValue, type PrintableCard } from './printable-card';

type Doc = PDFKit.PDFDocument;

export const CARD_WIDTH = (85.6 * 72) / 25.4;
export const CARD_HEIGHT = (54 * 72) / 25.4;
const PAD = 9;
const QR_SIZE = 62;
const QR_RIGHT = CARD_WIDTH - PAD - QR_SIZE - 4;
const LOGO = { width: 40, height: 22 };

export const SANDBOX_MARK = 'SANDBOX — NOT A REAL CARD';

const SYMBOLOGY_NAMES: Record<BarcodeFormat, string> = {
  code128: 'Code 128',
  interleaved2of5: 'Interleaved 2 of 5',
  qrcode: 'a QR code',
  pdf417: 'PDF417',
  datamatrix: 'Data Matrix',
};

/** Where things go on the card, in design-box points. Text beside the QR code stops short of it. */
const BOXES = {
  barcode: { x: PAD - 4, y: 97, width: CARD_WIDTH - 2 * PAD + 8, height: 38 },
  /** With a line of the business's own words, the barcode gives up the bottom of its box to it. */
  barcodeWithMessage: { x: PAD - 4, y: 97, width: CARD_WIDTH - 2 * PAD + 8, height: 29 },
  message: { x: PAD, y: 127.5, width: CARD_WIDTH - 2 * PAD, height: 11 },
  footer: { x: 0, y: 139, width: CARD_WIDTH, height: 11 },
  numberLabelY: 46,
  number: { x: PAD, y: 53, height: 17 },
  labelsY: 72,
  pin: { x: PAD, y: 79, width: 88, height: 15 },
  expiry: { x: PAD + 96, y: 79, width: CARD_WIDTH - 2 * PAD - 96, height: 15 },
};

export interface CardStyle {
  currency: string;
  /** Leave an empty box for a scratch-off sticker instead of printing the PIN. */
  scratch: boolean;
  logoPath: string | null;
  /** Labels have no printed outline: the die cut is the edge. */
  outline: boolean;
  /** A sandbox card, worth nothing: marked so across the card. */
  sandbox: boolean;
  /** The business's own line of text, on every card. */
  message: string | null;
}

/** The card's design box placed in a layout cell: centred, scaled to fit, shape kept. */
export function cardBox(cell: Rect): Rect & { scale: number } {
  const scale = Math.min(cell.width / CARD_WIDTH, cell.height / CARD_HEIGHT);
  const width = CARD_WIDTH * scale;
  const height = CARD_HEIGHT * scale;
  return { x: cell.x + (cell.width - width) / 2, y: cell.y + (cell.height - height) / 2, width, height, scale };
}

export function drawCard(doc: Doc, card: PrintableCard, cell: Rect, cardStyle: CardStyle): void {
  // A hand-out's sheet may hold cards of several accounts: each card's own currency and sandbox mark win.
  const style = { ...cardStyle, currency: card.currency ?? cardStyle.currency, sandbox: card.sandbox ?? cardStyle.sandbox };
  const box = cardBox(cell);
  doc.save();
  doc.translate(box.x, box.y);
  doc.scale(box.scale);
  if (style.sandbox) drawSandboxStripe(doc);
  if (style.outline) doc.lineWidth(0.5).strokeColor(style.sandbox ? '#c00000' : '#999999').roundedRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 8).stroke();

  const textRight = card.url ? QR_RIGHT : CARD_WIDTH - PAD;
  let left = PAD;
  if (style.logoPath) {
    doc.image(style.logoPath, PAD, PAD, { fit: [LOGO.width, LOGO.height] });
    left += LOGO.width + 4;
  }
  doc.fillColor('black');
  fitLine(doc, card.productName ?? card.sku ?? 'Gift card', { x: left, y: PAD, width: textRight - left, height: 11 }, { font: 'Helvetica-Bold', size: 9, minSize: 6 });
  fitLine(doc, formatMoney(card.amountCents, style.currency), { x: left, y: PAD + 12, width: textRight - left, height: 18 }, { font: 'Helvetica-Bold', size: 15, minSize: 7 });

  // Each field under the provider's own name for it, where it gives one ("Voucher Code" rather than PIN).
  label(doc, (card.labels?.number ?? 'Card number').toUpperCase(), PAD, BOXES.numberLabelY);
  doc.fillColor('black');
  exact(doc, card, card.number ?? '—', { ...BOXES.number, width: textRight - PAD }, 10.5);

  label(doc, (card.labels?.pin ?? 'PIN').toUpperCase(), BOXES.pin.x, BOXES.labelsY);
  if (style.scratch || !card.pin) {
    doc.lineWidth(0.6).strokeColor('#555555').rect(BOXES.pin.x, BOXES.pin.y + 1, 70, 13).stroke();
  } else {
    doc.fillColor('black');
    exact(doc, card, card.pin, BOXES.pin, 10.5);
  }
  label(doc, (card.labels?.expiry ?? 'Expires').toUpperCase(), BOXES.expiry.x, BOXES.labelsY);
  doc.fillColor('black');
  fitLine(doc, formatExpiry(card.expiry) ?? 'No expiry', BOXES.expiry, { font: 'Helvetica', size: 9, minSize: 6 });

  if (card.url) drawQr(doc, card.url, CARD_WIDTH - PAD - QR_SIZE, PAD - 4, QR_SIZE);
  const value = scanValue(card);
  if (value) {
    const format = scanFormat(card);
    try {
      drawBarcode(doc, format, value, style.message ? BOXES.barcodeWithMessage : BOXES.barcode, 1.6);
    } catch (err) {
      // A sheet with a card that cannot be scanned must not be printed as if it were fine.
      throw new Error(`Card ${maskCardNumber(card.number, card.pin)}: its barcode value cannot be printed as ${SYMBOLOGY_NAMES[format]} (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  if (style.message) {
    doc.fillColor('#333333');
    fitLine(doc, style.message, BOXES.message, { font: 'Helvetica-Oblique', size: 8, minSize: 5.5, centred: true });
  }
  if (style.sandbox) drawSandboxBand(doc);
  doc.restore();
}

function exact(doc: Doc, card: PrintableCard, text: string, box: Rect, size: number): void {
  try {
    fitExact(doc, text, box, { font: 'Courier-Bold', size, minSize: 5.5 });
  } catch (err) {
    throw new Error(`Card ${maskCardNumber(card.number, card.pin)}: ${err instanceof Error ? err.message : String(err)}; it cannot be printed on this layout.`);
  }
}

function label(doc: Doc, text: string, x: number, y: number): void {
  doc.font('Helvetica').fontSize(5.5).fillColor('#555555').text(text, x, y, { lineBreak: false });
}

/** A faint red stripe from corner to corner, under everything: seen at a glance, light enough to scan through. */
function drawSandboxStripe(doc: Doc): void {
  doc.save();
  doc.roundedRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 8).clip();
  doc.translate(CARD_WIDTH / 2, CARD_HEIGHT / 2).rotate((-Math.atan2(CARD_HEIGHT, CARD_WIDTH) * 180) / Math.PI);
  const length = Math.hypot(CARD_WIDTH, CARD_HEIGHT);
  doc.rect(-length / 2, -14, length, 28).fillOpacity(0.12).fill('#c00000');
  doc.restore();
  doc.fillOpacity(1);
}

/** The words, in a red band across the whole card below the barcode, where nothing else is printed. */
function drawSandboxBand(doc: Doc): void {
  const band = BOXES.footer;
  doc.save();
  doc.roundedRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 8).clip();
  doc.rect(band.x, band.y, band.width, band.height).fill('#c00000');
  doc.restore();
  doc.fillColor('white');
  const text = SANDBOX_MARK;
  doc.font('Helvetica-Bold').fontSize(8);
  const width = doc.widthOfString(text);
  fitLine(doc, text, { x: Math.max(PAD, (CARD_WIDTH - width) / 2), y: band.y, width: CARD_WIDTH - 2 * PAD, height: band.height }, { font: 'Helvetica-Bold', size: 8, minSize: 6 });
  doc.fillColor('black');
}
