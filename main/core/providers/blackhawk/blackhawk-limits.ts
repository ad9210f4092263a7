import type { ProviderLimits } from '../provider-client';

export const BLACKHAWK_REQUEST_ID_MAX_LENGTH = 50;
/** Blackhawk recommends at most 5,000 per request. */
export const BLACKHAWK_MAX_CARDS = 5_000;
export const BLACKHAWK_DEFAULT_MS_TO_WAIT = 15_000;
export const BLACKHAWK_MAX_MS_TO_WAIT = 30_000;

export const BLACKHAWK_LIMITS: ProviderLimits = {
  maxQuantity: BLACKHAWK_MAX_CARDS,
  realtimeMaxQuantity: null,
  maxReferenceLength: BLACKHAWK_REQUEST_ID_MAX_LENGTH,
  maxLines: BLACKHAWK_MAX_CARDS,
  wholeAmountsOnly: true,
  // Blackhawk documents no cancellation API: a reversal goes through the account manager.
  catalog: true,
  reversible: false,
};
