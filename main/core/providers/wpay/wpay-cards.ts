import type { z } from 'zod';
import type { NewCard } from '../../../../shared/domain';
import { describeIssue } from '../transport/parse-answer';
import { present } from '../transport/wire-types';
import { wpayCard } from './wpay-schemas';

/** Format keys that carry the number printed as a barcode, best first. CNONLY is the bare card number. */
const BARCODE_FORMATS = ['QCGTINBARCODE-32', 'CA128', 'QCBARCODE-31-V1', 'INT2OF5', 'PDF417', 'QRCODE', 'DATAMATRIX'];

export type CardMapping = { ok: true; cards: NewCard[] } | { ok: false; problem: string };

/** Cards mapped between two turns of the event loop: a 500-card page in one go would hold it for tens of ms. */
const CHUNK = 100;

/**
 * Maps a Wpay `cards` array into NewCards; each card's own JSON, unknown fields included, is kept as `raw`.
 * Yields to the event loop between chunks, so that a page of 500 cards never stalls the app's other work.
 */
export async function mapWpayCards(items: readonly unknown[]): Promise<CardMapping> {
  const cards: NewCard[] = [];
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const parsed = wpayCard.safeParse(item);
    if (!parsed.success) return { ok: false, problem: describeIssue(item, parsed.error.issues[0]!, `cards[${index}]`) };
    const card = parsed.data;
    const number = present(card.cardNumber);
    const url = present(card.activationUrl);
    // cardId repeats in Wpay's own example, so the card number is the key.
    const key = number ?? present(card.activationCode) ?? url;
    if (!key) return { ok: false, problem: `cards[${index}]: no cardNumber, activationCode or activationUrl to identify it` };
    cards.push({
      lineId: null,
      providerKey: key,
      number,
      pin: present(card.cardPin),
      barcode: present(card.barcode) ?? barcodeFromFormats(card.formats),
      url,
      amountCents: card.amount,
      expiry: card.validity ?? null,
      productName: card.productName ?? null,
      sku: card.sku ?? null,
      raw: JSON.stringify(item),
    });
  }
  return { ok: true, cards };
}

function barcodeFromFormats(formats: z.output<typeof wpayCard>['formats']): string | null {
  for (const key of BARCODE_FORMATS) {
    const value = present(formats?.find((f) => f.key === key)?.value);
    if (value) return value;
  }
  return null;
}
