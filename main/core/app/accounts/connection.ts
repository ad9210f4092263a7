import { formatMoney } from '../../../../shared/money';
import type { CatalogProduct, ProviderClient, ProviderLimits } from '../../providers/provider-client';
import { limitsFor } from '../../providers/provider-limits';
import type { AppDeps } from '../app-deps';

export interface ConnectionTest {
  provider: 'wpay' | 'blackhawk';
  balance: { cents: number; currency: string } | null;
  productCount: number | null;
  message: string;
}

/** "Test connection": one harmless read per provider (Wpay balance, Blackhawk catalog). A failure is the provider's error. */
export async function testConnection(deps: AppDeps, accountId: string): Promise<ConnectionTest> {
  deps.accounts.get(accountId);
  return askProvider(await deps.providers.clientFor(accountId));
}

/** The one harmless read, on any client: a stored account's, or one probing settings not saved yet. */
export async function askProvider(client: ProviderClient): Promise<ConnectionTest> {
  if (client.provider === 'wpay') {
    const balance = await client.balance();
    const message = balance ? `Connected. Prepaid balance ${formatMoney(balance.cents, balance.currency)}.` : 'Connected. This account does not report a balance.';
    return { provider: 'wpay', balance, productCount: null, message };
  }
  const count = (await client.catalog())?.length ?? 0;
  return { provider: 'blackhawk', balance: null, productCount: count, message: `Connected. ${count} product${count === 1 ? '' : 's'} in the catalog.` };
}

export interface Products {
  /** null: the provider has no catalog call (Wpay); the SKU is typed. */
  catalog: CatalogProduct[] | null;
  /** Where there is no catalog, SKUs worth offering (the sandbox's own); empty otherwise. */
  suggested: CatalogProduct[];
  /** SKUs of this account's recent orders, most recent first. */
  usedSkus: string[];
  /** What the provider takes, for the order form to say before main refuses. */
  limits: ProviderLimits;
}

/** What can be ordered on this account, and the rules an order must follow there. */
export async function listProducts(deps: AppDeps, accountId: string): Promise<Products> {
  const account = deps.accounts.get(accountId);
  const catalog = await deps.providers.catalogFor(accountId);
  const suggested = catalog ? [] : await deps.providers.suggestedSkus(accountId);
  return { catalog, suggested, usedSkus: usedSkus(deps, accountId), limits: limitsFor(account) };
}

function usedSkus(deps: AppDeps, accountId: string): string[] {
  const seen = new Set<string>();
  for (const order of deps.orders.list({ accountId }).slice(0, 100)) {
    for (const line of deps.orders.lines(order.id)) seen.add(line.sku);
    if (seen.size >= 50) break;
  }
  return [...seen];
}
