import { formatCents } from '../../../shared/money';
import { ValidationError } from '../errors';
import { checkClientReference } from './client-reference';
import type { CatalogProduct, ProviderLimits } from './provider-client';

export interface OrderLineRequest {
  sku: string;
  faceValueCents: number;
  quantity: number;
}

/**
 * Everything about an order's lines that can be known to be wrong before a byte goes out, by the provider's limits
 * and, where the provider has one, its catalog. Throws a ValidationError naming the field as the order's input names
 * it (lines, sku, faceValueCents, quantity, reference).
 */
export function checkOrderLines(
  order: { lines: readonly OrderLineRequest[]; reference?: string },
  limits: ProviderLimits,
  catalog: readonly CatalogProduct[] | null,
): void {
  const { lines } = order;
  if (lines.length === 0) throw new ValidationError('lines', 'The order has no lines.');
  if (lines.length > limits.maxLines) {
    throw new ValidationError('lines', `The order has ${lines.length} lines; this provider takes at most ${limits.maxLines}.`);
  }
  let total = 0;
  lines.forEach((line, i) => {
    const where = lines.length > 1 ? ` (line ${i + 1})` : '';
    if (!line.sku.trim()) throw new ValidationError('sku', `The product code is empty${where}.`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new ValidationError('quantity', `The quantity must be a whole number above 0${where}.`);
    }
    if (!Number.isSafeInteger(line.faceValueCents) || line.faceValueCents <= 0) {
      throw new ValidationError('faceValueCents', `The amount must be above 0, with at most two decimals${where}.`);
    }
    if (limits.wholeAmountsOnly && line.faceValueCents % 100 !== 0) {
      throw new ValidationError('faceValueCents', `Blackhawk takes whole amounts only${where}.`);
    }
    if (catalog) checkAgainstCatalog(line, catalog, where);
    total += line.quantity;
  });
  if (total > limits.maxQuantity) {
    throw new ValidationError('quantity', `The order is for ${total} cards; this provider takes at most ${limits.maxQuantity} in one order.`);
  }
  if (order.reference !== undefined) checkClientReference(order.reference, limits.maxReferenceLength);
}

/** The catalog's word on one value: null when the product takes it, otherwise why not. */
export function productValueProblem(product: CatalogProduct, cents: number): string | null {
  if (product.allowedCents && !product.allowedCents.includes(cents)) {
    return `${product.name} comes in ${product.allowedCents.map(formatCents).join(', ')} only`;
  }
  if (product.minCents !== null && cents < product.minCents) return `${product.name} starts at ${formatCents(product.minCents)}`;
  if (product.maxCents !== null && cents > product.maxCents) return `${product.name} goes up to ${formatCents(product.maxCents)}`;
  return null;
}

function checkAgainstCatalog(line: OrderLineRequest, catalog: readonly CatalogProduct[], where: string): void {
  const product = catalog.find((p) => p.code === line.sku);
  if (!product) throw new ValidationError('sku', `"${line.sku}" is not in this account's catalog${where}.`);
  const problem = productValueProblem(product, line.faceValueCents);
  if (problem) throw new ValidationError('faceValueCents', `${problem}${where}.`);
}
