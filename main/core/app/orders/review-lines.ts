import type { Account } from '../../../../shared/domain';
import type { CatalogProduct } from '../../providers/provider-client';
import type { OrderLineRequest } from '../../providers/order-line-rules';
import type { AppDeps } from '../app-deps';
import type { OrderLineInput } from './check-order';

/** An order line as the review shows it, and as it is stored: what is bought, at what face value, how many, for how much. */
export interface ReviewLine extends OrderLineRequest {
  /** The catalog's name (Blackhawk), or the one earlier cards or the sandbox give the SKU (Wpay); null when unknown. */
  productName: string | null;
  totalCents: number;
  /**
   * No catalog vouched for this SKU (Wpay has none) and this account has received no card of it yet: a mistyped
   * SKU looks just like this, and the provider would refuse it only once the order is sent.
   */
  newSku: boolean;
}

/** Names each line and says which SKUs are new to the account. `catalog` is the one the lines were checked against, if any. */
export async function reviewLines(
  deps: Pick<AppDeps, 'orders' | 'providers'>,
  account: Account,
  lines: readonly OrderLineInput[],
  catalog: readonly CatalogProduct[] | null,
): Promise<ReviewLine[]> {
  const delivered = deps.orders.deliveredSkus(account.id);
  const offered = catalog ?? (await deps.providers.suggestedSkus(account.id));
  const offeredName = new Map(offered.map((p) => [p.code, p.name] as const));
  return lines.map((l) => ({
    sku: l.sku,
    faceValueCents: l.faceValueCents,
    quantity: l.quantity,
    totalCents: l.faceValueCents * l.quantity,
    productName: offeredName.get(l.sku) ?? delivered.get(l.sku) ?? l.productName ?? null,
    newSku: catalog === null && !delivered.has(l.sku),
  }));
}
