import type { Products } from '../../core/app/accounts/connection';
import { formatMoney } from '../../../shared/money';
import { EXIT, type CliCommand } from '../cli-context';
import { accountArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

type Source = 'catalog' | 'sandbox' | 'used before';
type Product = Products['suggested'][number] & {
  source: Source;
};

export const products: CliCommand = {
  name: 'products',
  usage: 'products --account N',
  summary: 'What an account can order: the Blackhawk catalog with its values, the sandbox’s SKUs, and the SKUs ordered before.',
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, { account: { type: 'string' } });
    const account = await accountArg(ctx, values.account);
    // The same command the app's order wizard asks: the provider's catalog (Blackhawk), or the SKUs worth offering
    // where there is none (the sandbox's Wpay side sells a fixed few), and this account's SKUs so far.
    const { catalog, suggested, usedSkus } = await ctx.app.accounts.products(ctx.actor, account.id);
    const offered: Product[] = [
      ...(catalog ?? []).map((p) => ({ ...p, source: 'catalog' as const })),
      ...suggested.map((p) => ({ ...p, source: 'sandbox' as const })),
    ];
    for (const sku of usedSkus) {
      if (!offered.some((p) => p.code === sku)) offered.push({ code: sku, name: '', minCents: null, maxCents: null, allowedCents: null, source: 'used before' });
    }
    const used = new Set(usedSkus);
    for (const p of offered) {
      if (ctx.json) ctx.out(JSON.stringify({ code: p.code, name: p.name || null, minCents: p.minCents, maxCents: p.maxCents, allowedCents: p.allowedCents, source: p.source, usedBefore: used.has(p.code) }));
      else ctx.out([p.code, p.name, describeValues(p, account.currency), used.has(p.code) ? 'used before' : ''].join('\t').trimEnd());
    }
    if (offered.length === 0) {
      ctx.err(`${account.name} has no catalog to list (Wpay publishes none) and no order yet: use the SKUs Wpay gave you.`);
    }
    return EXIT.ok;
  },
};

/** "A$5.00–A$500.00", "A$5.00, A$10.00, …", or "" when the values are not known here. */
function describeValues(p: Product, currency: string): string {
  const money = (cents: number) => formatMoney(cents, currency);
  if (p.allowedCents) return p.allowedCents.map(money).join(', ');
  if (p.minCents !== null && p.maxCents !== null) return `${money(p.minCents)}–${money(p.maxCents)}`;
  if (p.minCents !== null) return `from ${money(p.minCents)}`;
  if (p.maxCents !== null) return `up to ${money(p.maxCents)}`;
  return p.source === 'used before' ? 'any value Wpay allows for it' : '';
}
