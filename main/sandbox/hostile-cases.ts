// The names of the sandbox's hostile answers: a provider that is buggy or compromised, not merely having a bad day.
// Only names here (the knob takes them); what each does is in hostile-answers.ts, which only tests and the bench load.

export const HOSTILE_CASES = [
  /** Every card of the answer worth a tenth of what it should be (A$5 for A$50). */
  'card-value-low',
  /** Every card of the answer worth A$999,999,999,999.99. */
  'card-value-huge',
  /** Every card of the answer of another product (SKU / content provider). */
  'card-product-other',
  /** The cards page in another currency (Wpay names one). */
  'card-currency-other',
  /** The card request answered with another order's cards (the latest other order of the same API). */
  'cards-of-another-order',
  /** A status lookup (Wpay status, Blackhawk orderInfo) answered about another order. */
  'status-of-another-order',
  /** A Wpay submit answered with another order's refno and orderId. */
  'submit-of-another-order',
  /** The last card of a page replaced by a second copy of its first. */
  'card-repeated',
  /** The provider's own card total seven more than the order holds. */
  'total-off',
  /** A Blackhawk submit refused with the validation code orderDetails.contentProvider.notFound (no order taken). */
  'submit-product-not-found',
  /** A submit answered 503 without the order being taken: a send that never arrived. */
  'submit-lost',
  /** A card request answered "no such order" (Wpay 5320, Blackhawk eGiftBulk.order.not.found). */
  'cards-not-found',
  /** A status answer with a word no document lists ("Awaiting Review"). */
  'status-word-unknown',
  /** A Blackhawk status answer "Failed". */
  'status-failed',
  /** A Blackhawk status answer "Not All Records Funded". */
  'status-not-all-funded',
  /** A Wpay reversal answered 8221: a reversal of the order is already in progress. */
  'reversal-under-way',
  /** Blackhawk eGifts whose card number (and barcode) ends with the card's PIN, as in Blackhawk's own example. */
  'card-number-ends-with-pin',
  /** Wpay cards whose number comes only in formats (CNONLY), with the PIN labelled "Voucher Code", as a real answer. */
  'card-number-only-in-formats',
  /** Wpay cards with "barcode": "", the barcode in a QCBARCODE-26-V1 format, and an activation code. */
  'barcode-only-in-formats',
  /** Wpay cards whose barcodes come in the other symbologies of the Woohoo family, in turn (INT2OF5, QRCODE, PDF417, DATAMATRIX). */
  'barcode-symbologies',
  /** A card page with one card's unknown field nested 5,000 levels deep. */
  'card-field-deep',
  /** A card request answered with 1.5 GB of JSON, streamed without a length. */
  'answer-huge',
  /** A card page whose first card carries a 2 MB product name. */
  'card-field-long',
  /** A Wpay submit refused with field-level reasons in `messages` beside its `message` (no order taken). */
  'submit-refused-with-messages',
] as const;
export type HostileCase = (typeof HOSTILE_CASES)[number];
