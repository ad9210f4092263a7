import type { z } from 'zod';
import type { BarcodeFormat, CardLabels, NewCard } from '../../../../shared/domain';
import { describeIssue } from '../transport/parse-answer';
import { present } from '../transport/wire-types';
import { wpayCard } from './wpay-schemas';

/**
 * The `formats` keys of the Woohoo family that carry the value a till scans, best first, with the symbology each
 * names. QCBARCODE-* and QCGTINBARCODE-* come with a version or length suffix (QCBARCODE-26-V1, QCGTINBARCODE-32).
 * CNONLY is the bare card number, not a barcode; TRACK2 is a magnetic stripe.
 */
const BARCODE_KEYS: readonly { key: RegExp; format: BarcodeFormat }[] = [
  { key: /^QCGTINBARCODE(-|$)/, format: 'code128' },
  { key: /^CA128$/, format: 'code128' },
  { key: /^QCBARCODE(-|$)/, format: 'code128' },
  { key: /^INT2OF5$/, format: 'interleaved2of5' },
  { key: /^PDF417$/, format: 'pdf417' },
  { key: /^QRCODE$/, format: 'qrcode' },
  { key: /^DATAMATRIX$/, format: 'datamatrix' },
];

/** Wpay's label keys and the card fields they name. */
const LABEL_FIELDS: Record<string, keyof CardLabels> = { cardNumber: 'number', cardPin: 'pin', activationCode: 'activationCode', validity: 'expiry' };

export type CardMapping = { ok: true; cards: NewCard[] } | { ok: false; problem: string };

/** Cards mapped between two turns of the event loop: a 500-card page in one go would hold it for tens of ms. */
const CHUNK = 100;

type Formats = z.output<typeof wpayCard>['formats'];

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
    // Real-time answers may carry the number only among the formats: "cardNumber": null, CNONLY "8090…".
    const number = present(card.cardNumber) ?? formatValue(card.formats, /^CNONLY$/);
    const activationCode = present(card.activationCode);
    const url = present(card.activationUrl);
    // cardId repeats in Wpay's own example, so what identifies a card is its number (or its code, or its URL).
    const key = number ?? activationCode ?? url;
    if (!key) return { ok: false, problem: `cards[${index}]: no cardNumber (nor CNONLY format), activationCode or activationUrl to identify it` };
    const barcode = barcodeOf(card.barcode, card.formats);
    cards.push({
      lineId: null,
      providerKey: key,
      number,
      pin: present(card.cardPin),
      activationCode,
      barcode: barcode?.value ?? null,
      barcodeFormat: barcode?.format ?? null,
      labels: labelsOf(card.labels),
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

function formatValue(formats: Formats, key: RegExp): string | null {
  return present(formats?.find((f) => key.test(f.key.trim().toUpperCase()))?.value);
}

/** The barcode field when it has a value (Code 128, as Wpay prints it), else the best barcode among the formats. */
function barcodeOf(barcode: string | null | undefined, formats: Formats): { value: string; format: BarcodeFormat | null } | null {
  const plain = present(barcode);
  if (plain) return { value: plain, format: null };
  for (const { key, format } of BARCODE_KEYS) {
    const value = formatValue(formats, key);
    if (value) return { value, format };
  }
  return null;
}

function labelsOf(labels: Record<string, unknown> | null | undefined): CardLabels | null {
  if (!labels) return null;
  const out: CardLabels = {};
  for (const [wire, field] of Object.entries(LABEL_FIELDS)) {
    const text = labels[wire];
    if (typeof text === 'string' && text.trim() !== '') out[field] = text.trim();
  }
  return Object.keys(out).length > 0 ? out : null;
}
