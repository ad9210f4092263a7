import type { BarcodeFormat, Card } from '../../../shared/domain';

/** What a sheet or a card file shows of a card: never the provider's raw payload, which may hold more than this. */
export type PrintableCard = Pick<
  Card,
  'number' | 'pin' | 'activationCode' | 'barcode' | 'barcodeFormat' | 'labels' | 'url' | 'amountCents' | 'expiry' | 'productName' | 'sku'
> & {
  /** Set where one file holds cards of several orders (a hand-out): the card's own, over the file's. */
  orderReference?: string;
  currency?: string;
  sandbox?: boolean;
  /** The person of a recipient list this card goes to. */
  recipient?: { name: string; contact: string | null; reference: string | null } | null;
};

export function toPrintable(card: Card): PrintableCard {
  return {
    number: card.number,
    pin: card.pin,
    activationCode: card.activationCode,
    barcode: card.barcode,
    barcodeFormat: card.barcodeFormat,
    labels: card.labels,
    url: card.url,
    amountCents: card.amountCents,
    expiry: card.expiry,
    productName: card.productName,
    sku: card.sku,
  };
}

/** The value a till scans: the provider's barcode value, or the card number when there is none. */
export function scanValue(card: PrintableCard): string | null {
  return card.barcode || card.number || null;
}

/** The symbology the value is printed in: the one the provider named for its barcode, else Code 128. */
export function scanFormat(card: PrintableCard): BarcodeFormat {
  return (card.barcode && card.barcodeFormat) || 'code128';
}
