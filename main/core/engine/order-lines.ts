import type { NewCard, OrderLine } from '../../../shared/domain';

/** Gives each card the order line it belongs to, by product code and face value (or the only line there is). */
export function assignLines(cards: readonly NewCard[], lines: readonly OrderLine[]): NewCard[] {
  const only = lines.length === 1 ? lines[0]! : null;
  return cards.map((card) => {
    const line =
      only ??
      lines.find((l) => l.sku === card.sku && l.faceValueCents === card.amountCents) ??
      lines.find((l) => l.faceValueCents === card.amountCents && !card.sku) ??
      null;
    return { ...card, lineId: line?.id ?? null };
  });
}

export interface Shortfall {
  stored: number;
  quantity: number;
  providerTotal: number | null;
  lines: { lineNo: number; sku: string; stored: number; quantity: number }[];
}

/** From the stored count per line: null when every line holds exactly its quantity (and the provider's total agrees); otherwise the numbers. */
export function findShortfall(
  counts: ReadonlyMap<number | null, number>,
  quantity: number,
  providerTotal: number | null,
  lines: readonly OrderLine[],
): Shortfall | null {
  const stored = [...counts.values()].reduce((a, b) => a + b, 0);
  const perLine = lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, stored: counts.get(l.id) ?? 0, quantity: l.quantity }));
  const ok =
    stored === quantity && (providerTotal === null || providerTotal === quantity) && perLine.every((l) => l.stored === l.quantity);
  return ok ? null : { stored, quantity, providerTotal, lines: perLine };
}

export function describeShortfall(s: Shortfall): string {
  const parts = [`${s.stored} of ${s.quantity} cards are stored`];
  if (s.providerTotal !== null && s.providerTotal !== s.quantity) parts.push(`the provider reports ${s.providerTotal} cards`);
  for (const l of s.lines) if (l.stored !== l.quantity) parts.push(`line ${l.lineNo} (${l.sku}): ${l.stored} of ${l.quantity}`);
  return `${parts.join('; ')}. Press "check now" to fetch the missing cards again, or contact the provider with the order reference.`;
}
