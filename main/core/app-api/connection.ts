import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import { formatMoney } from '../../../shared/money';
import type { AppContext } from './app-core';

/** "Test connection": one harmless read per provider (Wpay balance, Blackhawk catalog). A failure is the provider's error. */
export async function testConnection(
  { accountId }: ParsedRequest<'accounts.testConnection'>,
  { core }: AppContext,
): Promise<Response<'accounts.testConnection'>> {
  core.accounts.get(accountId);
  const client = await core.providerFor(accountId);
  if (client.provider === 'wpay') {
    const balance = await client.balance();
    const message = balance
      ? `Connected. Prepaid balance ${formatMoney(balance.cents, balance.currency)}.`
      : 'Connected. This account does not report a balance.';
    return { provider: 'wpay', balance, productCount: null, message };
  }
  const catalog = await client.catalog();
  const count = catalog?.length ?? 0;
  return {
    provider: 'blackhawk',
    balance: null,
    productCount: count,
    message: `Connected. ${count} product${count === 1 ? '' : 's'} in the catalog.`,
  };
}

export async function listProducts(
  { accountId }: ParsedRequest<'accounts.products'>,
  { core }: AppContext,
): Promise<Response<'accounts.products'>> {
  core.accounts.get(accountId);
  const client = await core.providerFor(accountId);
  const catalog = await client.catalog();
  return { catalog, usedSkus: usedSkus(core.orders, accountId) };
}

/** SKUs of this account's recent orders, most recent first, to offer where the SKU is typed. */
function usedSkus(orders: AppContext['core']['orders'], accountId: string): string[] {
  const seen = new Set<string>();
  for (const order of orders.list({ accountId }).slice(0, 100)) {
    for (const line of orders.lines(order.id)) seen.add(line.sku);
    if (seen.size >= 50) break;
  }
  return [...seen];
}
