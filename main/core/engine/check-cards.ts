import type { NewCard, NewQuarantinedCard, OrderLine } from '../../../shared/domain';
import { formatMoney } from '../../../shared/money';

export interface CheckedCards {
  /** Cards that match a line of the order exactly, with that line. */
  ordered: NewCard[];
  /** Everything else, with what came back against what was ordered. */
  quarantined: NewQuarantinedCard[];
}

/**
 * Checks each card a provider sent against the order before anything is stored: its currency (where the answer
 * names one), its product (where the card names one) and its face value, exactly. A card that matches no line is
 * quarantined, never counted; so is a second copy of a card on the same page.
 */
export function checkCards(cards: readonly NewCard[], lines: readonly OrderLine[], currency: string, answerCurrency: string | null): CheckedCards {
  const ordered: NewCard[] = [];
  const quarantined: NewQuarantinedCard[] = [];
  const seen = new Set<string>();
  const wrongCurrency = answerCurrency !== null && answerCurrency.trim().toUpperCase() !== currency.toUpperCase();
  for (const card of cards) {
    const keep = (kind: NewQuarantinedCard['kind'], reason: string) => quarantined.push({ ...card, lineId: null, kind, reason });
    if (seen.has(card.providerKey)) {
      keep('repeated', 'The provider sent this card more than once in one answer.');
      continue;
    }
    seen.add(card.providerKey);
    if (wrongCurrency) {
      keep('wrong-currency', `The answer is in ${answerCurrency}; the order is in ${currency}.`);
      continue;
    }
    const sameProduct = card.sku === null ? lines : lines.filter((l) => sameSku(l.sku, card.sku!));
    if (sameProduct.length === 0) {
      keep('wrong-product', `A card of product ${card.sku} came back; the order is for ${describeLines(lines, currency)}.`);
      continue;
    }
    const line = sameProduct.find((l) => l.faceValueCents === card.amountCents);
    if (!line) {
      keep('wrong-value', `A card of ${formatMoney(card.amountCents, currency)} came back; the order is for ${describeLines(sameProduct, currency)}.`);
      continue;
    }
    ordered.push({ ...card, lineId: line.id });
  }
  return { ordered, quarantined };
}

/** Product codes compared as providers write them: case and surrounding spaces aside. */
function sameSku(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

export function describeLines(lines: readonly OrderLine[], currency: string): string {
  return lines.map((l) => `line ${l.lineNo} (${l.sku}) at ${formatMoney(l.faceValueCents, currency)}`).join(', ');
}
