import type { NewCard } from '../../../../shared/domain';
import { describeIssue } from '../transport/parse-answer';
import { present } from '../transport/wire-types';
import { eGift } from './blackhawk-schemas';

export type EGiftMapping = { ok: true; cards: NewCard[] } | { ok: false; problem: string };

/** Maps eGifts into NewCards. Without returnCardNumberAndPIN only the URL exists, and the URL is then the key. */
export function mapEGifts(items: readonly unknown[]): EGiftMapping {
  const cards: NewCard[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = eGift.safeParse(item);
    if (!parsed.success) return { ok: false, problem: describeIssue(item, parsed.error.issues[0]!, `eGifts[${index}]`) };
    const g = parsed.data;
    const number = present(g.cardNumber);
    const url = present(g.url);
    const key = number ?? url;
    if (!key) return { ok: false, problem: `eGifts[${index}]: neither cardNumber nor url to identify it` };
    cards.push({
      lineId: null,
      providerKey: key,
      number,
      pin: present(g.pin),
      activationCode: null,
      barcode: present(g.barCodeValue),
      barcodeFormat: null,
      labels: null,
      url,
      amountCents: g.amount,
      expiry: null,
      productName: null,
      sku: g.contentProviderCode ?? null,
      raw: JSON.stringify(item),
    });
  }
  return { ok: true, cards };
}
