import type { OrderState } from '../../../shared/domain';

/** What the advice needs of an order: its state, what the engine recorded, and the reference to quote to the provider. */
export interface AdvisedOrder {
  state: OrderState;
  stateReason: string | null;
  lastError: string | null;
  clientReference: string;
}

/** What went wrong, in words, what to do next, and whether ordering again (Edit and retry) is the way out. */
export interface Advice {
  problem: string;
  next: string;
  /** Wpay's or Blackhawk's code the advice is for, when the provider gave one. */
  code: string | null;
  retry: boolean;
}

type Known = { what: string; next: (reference: string) => string; retry: boolean };

// The provider error codes that mean something a person can act on (providers.md). Wpay's are the Woohoo codes,
// sometimes with a "400" in front (4005313 is 5313); Blackhawk's are dotted names.
const CODES: Record<string, Known> = {
  '6063': { what: 'The prepaid balance was too low for this order.', next: () => 'Top up the prepaid account (Accounts shows its balance), or order fewer cards, then Edit and retry.', retry: true },
  '5338': { what: 'The order is above the largest order value the provider takes.', next: () => 'Split it: Edit and retry with fewer cards, and order the rest separately.', retry: true },
  '5307': { what: 'That card value is not available for this product.', next: () => 'Edit and retry with another value the product allows.', retry: true },
  '5318': { what: 'That card value is not available for this product.', next: () => 'Edit and retry with another value the product allows.', retry: true },
  '5310': { what: 'This product (SKU) is not available to your account.', next: () => 'Check the SKU with your account manager, then Edit and retry with the right one.', retry: true },
  '8205': { what: 'This product (SKU) is not available to your account.', next: () => 'Check the SKU with your account manager, then Edit and retry with the right one.', retry: true },
  '5035': { what: 'Paying from the prepaid account (svc) is not turned on for your account.', next: () => 'Ask your Wpay account manager to enable svc payments, then Order again.', retry: true },
  '5036': { what: 'The provider did not accept the amount to pay for these cards.', next: (r) => `Order again; if it happens again, give Wpay the reference ${r}.`, retry: true },
  '5321': { what: 'The provider could not process the order.', next: (r) => `Try again later with Order again; if it keeps failing, give the provider the reference ${r}.`, retry: true },
  '6050': { what: 'The provider could not process the order.', next: (r) => `Try again later with Order again; if it keeps failing, give the provider the reference ${r}.`, retry: true },
  '6053': { what: 'The provider asked to try again later.', next: () => 'Wait a few minutes, then Order again.', retry: true },
  '5313': {
    what: 'The provider already has an order under this reference.',
    next: (r) => `Do not order again: ask the provider about reference ${r} first — it may be an order already paid for.`,
    retry: false,
  },
  AP01: { what: 'The provider did not accept the API key (HTTP 401, AP01).', next: () => 'Enter the right key in Accounts and use “Test connection”, then Edit and retry.', retry: true },
  'orderDetails.contentProvider.invalid': { what: 'Blackhawk does not offer this product to your client program.', next: () => 'Choose a product from the catalog, then Edit and retry.', retry: true },
  'eGiftBulk.order.not.found': { what: 'Blackhawk says it has no such order.', next: (r) => `Ask Blackhawk about request id ${r} before ordering again.`, retry: false },
};

/** The provider's code in what the engine recorded: "(HTTP 400 code 4006063)", "AP01", "orderDetails.contentProvider.invalid". */
export function providerCode(text: string): string | null {
  for (const name of Object.keys(CODES)) if (!/^\d+$/.test(name) && text.includes(name)) return name;
  const numeric = /\bcode (\d{4,7})\b/.exec(text)?.[1];
  if (!numeric) return null;
  const bare = numeric.length === 7 && numeric.startsWith('400') ? numeric.slice(3) : numeric;
  return CODES[bare] ? bare : null;
}

/** What went wrong, in words, and what to do next. Null while the order is on its way or done. */
export function orderAdvice(order: AdvisedOrder): Advice | null {
  const reason = order.stateReason ?? order.lastError;
  const code = providerCode(`${order.stateReason ?? ''} ${order.lastError ?? ''}`);
  const known = code ? CODES[code]! : null;
  switch (order.state) {
    case 'needs-attention':
      return {
        problem: known ? `${known.what} ${reason ?? ''}`.trim() : (reason ?? 'Giftdesk could not confirm what happened to this order.'),
        next: `Press “Check now”. If it stays here, ask the provider about reference ${order.clientReference} before ordering again — ordering again could pay twice.`,
        code,
        retry: false,
      };
    case 'failed':
      return known
        ? { problem: `${known.what}${reason ? ` (${reason.replace(/\.$/, '')})` : ''}`, next: known.next(order.clientReference), code, retry: known.retry }
        : {
            problem: reason ?? 'The provider refused this order.',
            next: `Fix what the message says (balance, product, amount, key), then Edit and retry. If your provider statement shows a debit for it anyway, give them the reference ${order.clientReference}.`,
            code: null,
            retry: true,
          };
    case 'cancelled':
      return { problem: reason ?? 'The order was cancelled.', next: 'Check with the provider that the prepaid account was refunded.', code: null, retry: false };
    default:
      return order.lastError ? { problem: order.lastError, next: 'Giftdesk keeps trying on its own; “Check now” tries at once.', code, retry: false } : null;
  }
}
