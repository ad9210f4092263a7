import type { ProviderLimits } from '../provider-client';

export const WPAY_BATCH_MAX_CARDS = 25_000;
export const WPAY_REALTIME_MAX_CARDS = 10;
export const WPAY_REFNO_MAX_LENGTH = 55;
/** Not documented; a generous bound on products per order so a mistake is caught before it is sent. */
export const WPAY_MAX_LINES = 100;

export const WPAY_LIMITS: ProviderLimits = {
  maxQuantity: WPAY_BATCH_MAX_CARDS,
  realtimeMaxQuantity: WPAY_REALTIME_MAX_CARDS,
  maxReferenceLength: WPAY_REFNO_MAX_LENGTH,
  maxLines: WPAY_MAX_LINES,
  wholeAmountsOnly: false,
  catalog: false,
  reversible: true,
};

/** Wpay pages card lists 100 at a time, or 500 for orders above 100 cards; offset must be a multiple of limit. */
export function wpayPageLimit(quantity: number): number {
  return quantity > 100 ? 500 : 100;
}
