// The products the sandbox sells. Small on purpose: enough to try several lines, a range and a fixed-values product.

export interface WpaySku {
  sku: string;
  name: string;
  minCents: number;
  maxCents: number;
}

export const WPAY_SKUS: readonly WpaySku[] = [
  { sku: 'WWQ651BHNWSH', name: 'Woolworths eGift Card', minCents: 500, maxCents: 50_000 },
  { sku: 'BIGW100SBX', name: 'BIG W eGift Card', minCents: 1_000, maxCents: 100_000 },
  { sku: 'WWMOVIESBX', name: 'Movie Night eGift Card', minCents: 2_000, maxCents: 20_000 },
];

export interface BlackhawkProduct {
  contentProviderCode: string;
  productName: string;
  /** Whole currency units, as Blackhawk states them. */
  minimum: number;
  maximum: number;
  exclusivelyAllowedValues: number[] | null;
}

export const BLACKHAWK_PRODUCTS: readonly BlackhawkProduct[] = [
  { contentProviderCode: 'BestBuy_eGift', productName: 'Best Buy eGift', minimum: 1, maximum: 500, exclusivelyAllowedValues: null },
  { contentProviderCode: 'Amazon_eGift', productName: 'Amazon.com eGift', minimum: 1, maximum: 2000, exclusivelyAllowedValues: null },
  { contentProviderCode: 'Starbucks_eGift', productName: 'Starbucks eGift', minimum: 5, maximum: 100, exclusivelyAllowedValues: [5, 10, 25, 50, 100] },
];

export function findWpaySku(sku: string): WpaySku | undefined {
  return WPAY_SKUS.find((s) => s.sku === sku);
}

export function findBlackhawkProduct(code: string): BlackhawkProduct | undefined {
  return BLACKHAWK_PRODUCTS.find((p) => p.contentProviderCode === code);
}
