import type { Account } from '../../../../shared/domain';
import { GiftdeskError, ValidationError } from '../../errors';
import { checkOrderLines, type OrderLineRequest } from '../../providers/order-line-rules';
import type { CatalogProduct, ProviderLimits } from '../../providers/provider-client';
import { limitsFor } from '../../providers/provider-limits';
import type { AppDeps } from '../app-deps';

export interface OrderLineInput extends OrderLineRequest {
  productName?: string | null;
}

export interface PlaceOrderInput {
  accountId: string;
  lines: OrderLineInput[];
  /** A client reference chosen by the person (or shown on the review); made up when absent. */
  reference?: string;
  /** Overrides the poll cadence for this order (seconds). */
  pollEverySeconds?: number;
  /** A name and a memo of the person's own (name-order.ts has their rules). */
  name?: string | null;
  memo?: string | null;
}

/**
 * Everything about an order that can be known to be wrong without asking anyone: the account, the provider's
 * limits, the reference, the poll interval. Throws a ValidationError naming the input field. Sends nothing.
 */
export function checkOrder(deps: AppDeps, input: PlaceOrderInput): { account: Account; limits: ProviderLimits } {
  const account = deps.accounts.find(input.accountId);
  if (!account) throw new ValidationError('accountId', 'No such account.');
  const limits = limitsFor(account);
  checkOrderLines(input, limits, null);
  if (input.pollEverySeconds !== undefined && (!Number.isFinite(input.pollEverySeconds) || input.pollEverySeconds <= 0)) {
    throw new ValidationError('pollEverySeconds', 'The poll interval must be a positive number of seconds.');
  }
  return { account, limits };
}

/** The lines against the provider's catalog too, where it has one and it can be read now; returns the catalog used. */
export async function checkOrderAgainstCatalog(deps: AppDeps, input: PlaceOrderInput, account: Account, limits: ProviderLimits): Promise<CatalogProduct[] | null> {
  const catalog = await catalogIfReadable(deps, account.id, limits);
  if (catalog) checkOrderLines(input, limits, catalog);
  return catalog;
}

/** The catalog to check against, when it can be read now; when it cannot, the provider is the one to refuse a line. */
export async function catalogIfReadable(deps: AppDeps, accountId: string, limits: ProviderLimits): Promise<CatalogProduct[] | null> {
  if (!limits.catalog) return null;
  try {
    return await deps.providers.catalogFor(accountId);
  } catch (err) {
    if (err instanceof GiftdeskError) return null;
    throw err;
  }
}

export function orderQuantity(lines: readonly OrderLineRequest[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}
