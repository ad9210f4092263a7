// Decimal strings are parsed and formatted only at the edges; everything inside is integer cents.

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Parses "5", "5.0", "5.00" into cents. Returns null for anything else (3 decimals, signs, words). */
export function parseAmountToCents(input: string | number): number | null {
  const text = typeof input === 'number' ? numberToDecimal(input) : input.trim();
  if (text === null) return null;
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + frac;
  return Number.isSafeInteger(cents) ? cents : null;
}

function numberToDecimal(n: number): string | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // Providers send 25, 25.5 or 5.00-as-number; toFixed(2) would hide a third decimal, so check it first.
  const text = String(n);
  return /e/i.test(text) ? null : text;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const SYMBOLS: Record<string, string> = { AUD: 'A$', USD: '$', NZD: 'NZ$', GBP: '£', EUR: '€', CAD: 'CA$' };

/** Money for people to read: symbol and thousands separators ("A$12,500.00"). Files use formatCents instead. */
export function formatMoney(cents: number, currency: string): string {
  const plain = formatCents(cents);
  const [whole, fraction] = plain.split('.') as [string, string];
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
  const symbol = SYMBOLS[currency];
  return symbol ? `${grouped.startsWith('-') ? '-' : ''}${symbol}${grouped.replace(/^-/, '')}` : `${grouped} ${currency}`;
}
