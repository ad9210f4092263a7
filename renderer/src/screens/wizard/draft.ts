import type { CatalogProductView, CsvParse, OrderLineInput, ProviderLimitsView } from '../../../../shared/ipc/views';
import { parseAmountToCents } from '../../../../shared/money';

export type WizardStep = 'account' | 'product' | 'amounts' | 'review' | 'progress';
export const STEPS: { step: WizardStep; label: string }[] = [
  { step: 'account', label: 'Account' },
  { step: 'product', label: 'Product' },
  { step: 'amounts', label: 'Value and quantity' },
  { step: 'review', label: 'Review' },
  { step: 'progress', label: 'Progress' },
];

export interface Draft {
  accountId: string | null;
  kind: 'single' | 'csv';
  sku: string;
  product: CatalogProductView | null;
  value: string;
  quantity: string;
  csv: { fileName: string; result: CsvParse } | null;
  /** What the account's provider takes, as main told it with the products. */
  limits: ProviderLimitsView | null;
  /** A name and a memo of the person's own, both optional (set on the review). */
  name: string;
  memo: string;
}

export const emptyDraft: Draft = { accountId: null, kind: 'single', sku: '', product: null, value: '', quantity: '1', csv: null, limits: null, name: '', memo: '' };

/** The draft's order lines, or the first thing a person must fix (checked again, for the truth, in main). */
export function draftLines(d: Draft): { lines: OrderLineInput[] } | { problem: string; field: string } {
  if (d.kind === 'csv') {
    if (!d.csv) return { problem: 'Choose a CSV file.', field: 'csv' };
    if (d.csv.result.errors.length > 0) return { problem: 'Fix the rows listed below first.', field: 'csv' };
    return { lines: d.csv.result.lines.map(({ sku, faceValueCents, quantity }) => ({ sku, faceValueCents, quantity })) };
  }
  const sku = d.sku.trim();
  if (!sku) return { problem: 'Choose or type a product.', field: 'sku' };
  const cents = parseAmountToCents(d.value);
  if (cents === null || cents <= 0) return { problem: 'Enter a value such as 25 or 25.50.', field: 'value' };
  if (d.limits?.wholeAmountsOnly && cents % 100 !== 0) return { problem: 'This provider takes whole amounts only.', field: 'value' };
  const p = d.product;
  if (p?.allowedCents && !p.allowedCents.includes(cents)) return { problem: 'Choose one of the values this product allows.', field: 'value' };
  if (p?.minCents !== null && p?.minCents !== undefined && cents < p.minCents) return { problem: 'The value is below this product’s minimum.', field: 'value' };
  if (p?.maxCents !== null && p?.maxCents !== undefined && cents > p.maxCents) return { problem: 'The value is above this product’s maximum.', field: 'value' };
  const quantity = /^\d{1,6}$/.test(d.quantity.trim()) ? Number(d.quantity) : 0;
  if (quantity < 1) return { problem: 'Enter how many cards, 1 or more.', field: 'quantity' };
  if (d.limits && quantity > d.limits.maxQuantity) return { problem: `This provider takes at most ${d.limits.maxQuantity.toLocaleString('en')} cards in one order.`, field: 'quantity' };
  return { lines: [{ sku, faceValueCents: cents, quantity, productName: p?.name ?? null }] };
}
