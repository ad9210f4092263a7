import { BLACKHAWK_PRODUCTS, WPAY_SKUS } from '../sandbox/catalog';
import { formatMoney } from '../../shared/money';

/** The lines of --help that tell a newcomer what the two built-in sandbox accounts sell, from the sandbox's catalog. */
export function sandboxHelp(): string[] {
  const aud = (cents: number) => formatMoney(cents, 'AUD');
  const usd = (units: number) => formatMoney(units * 100, 'USD');
  return [
    'Trying it without credentials: every new data folder has two sandbox accounts that sell fake cards.',
    `  "Sandbox (Wpay)" SKUs: ${WPAY_SKUS.map((s) => `${s.sku} (${aud(s.minCents)}–${aud(s.maxCents)})`).join(', ')}`,
    `  "Sandbox (Blackhawk)" products: ${BLACKHAWK_PRODUCTS.map((p) => `${p.contentProviderCode} (${p.exclusivelyAllowedValues ? p.exclusivelyAllowedValues.map(usd).join('/') : `${usd(p.minimum)}–${usd(p.maximum)}`})`).join(', ')}`,
    '  e.g. order --account "Sandbox (Wpay)" --sku WWQ651BHNWSH --amount 25.00 --qty 3; "products --account N" lists any account\'s.',
  ];
}
