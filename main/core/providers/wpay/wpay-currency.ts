/** Wpay wants ISO 4217 numeric codes ("036" for AUD). */
const NUMERIC: Record<string, string> = { AUD: '036', NZD: '554', USD: '840', GBP: '826', EUR: '978', CAD: '124' };

export function wpayCurrencyCode(currency: string): string | null {
  return NUMERIC[currency.toUpperCase()] ?? null;
}
