import { accountApi } from '../../../../shared/account-api';
import { GiftdeskError } from '../../errors';
import { newClientReference } from '../../providers/client-reference';
import type { AppDeps } from '../app-deps';
import { checkOrder, checkOrderAgainstCatalog, orderQuantity, type PlaceOrderInput } from './check-order';
import { reviewLines, type ReviewLine } from './review-lines';

export interface OrderReview {
  accountId: string;
  accountName: string;
  provider: 'wpay' | 'blackhawk';
  currency: string;
  quantity: number;
  totalCents: number;
  lineCount: number;
  mode: 'real-time' | 'batch';
  /** The prepaid balance when the provider tells it; null when it does not, or cannot be read now. */
  balance: { cents: number; currency: string } | null;
  /** The reference the order will be placed under, so the order placed is the order reviewed. */
  reference: string;
  /** Every line: product, SKU, face value, quantity, line total, and whether the SKU is new to the account. */
  lines: ReviewLine[];
}

/** What placing this order would do, checked as placing checks it; nothing is sent or written. */
export async function reviewOrder(deps: AppDeps, input: PlaceOrderInput): Promise<OrderReview> {
  const { account, limits } = checkOrder(deps, input);
  const catalog = await checkOrderAgainstCatalog(deps, input, account, limits);
  // An account that cannot reach its provider (no key, no certificate) is said here, before anything is placed.
  const client = await deps.providers.clientFor(account.id);
  const quantity = orderQuantity(input.lines);
  return {
    accountId: account.id,
    accountName: account.name,
    provider: accountApi(account),
    currency: account.currency,
    quantity,
    totalCents: input.lines.reduce((n, l) => n + l.quantity * l.faceValueCents, 0),
    lineCount: input.lines.length,
    mode: limits.realtimeMaxQuantity !== null && quantity <= limits.realtimeMaxQuantity ? 'real-time' : 'batch',
    balance: await balanceIfReadable(() => client.balance()),
    reference: input.reference ?? newClientReference(deps.clock.now()),
    lines: await reviewLines(deps, account, input.lines, catalog),
  };
}

/** Not being able to read the balance must not block the review. */
async function balanceIfReadable<T>(read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof GiftdeskError) return null;
    throw err;
  }
}
