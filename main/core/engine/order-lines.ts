import type { OrderLine } from '../../../shared/domain';

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

/** `refetchable`: some page is not stored whole yet, so fetching again can bring the missing cards. */
export function describeShortfall(s: Shortfall, refetchable: boolean): string {
  const parts = [`${s.stored} of ${s.quantity} cards are stored`];
  if (s.providerTotal !== null && s.providerTotal !== s.quantity) parts.push(`the provider reports ${s.providerTotal} cards`);
  for (const l of s.lines) if (l.stored !== l.quantity) parts.push(`line ${l.lineNo} (${l.sku}): ${l.stored} of ${l.quantity}`);
  const advice = refetchable
    ? 'Press "check now" to fetch the missing cards again, or contact the provider with the order reference.'
    : 'Every page the provider has was stored whole, so fetching again will not change this: contact the provider with the order reference.';
  return `${parts.join('; ')}. ${advice}`;
}
