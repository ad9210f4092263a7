import { describe, expect, it } from 'vitest';
import { formatCents, formatMoney, parseAmountToCents } from '../../shared/money';

describe('money at the edges', () => {
  it('parses decimal amounts into cents and refuses anything else', () => {
    expect(parseAmountToCents('5')).toBe(500);
    expect(parseAmountToCents('25.5')).toBe(2550);
    expect(parseAmountToCents(' 12500.00 ')).toBe(1_250_000);
    expect(parseAmountToCents(25)).toBe(2500);
    for (const bad of ['5.001', '-5', 'five', '1e3', '', '5.', '.5']) expect(parseAmountToCents(bad), bad).toBeNull();
    expect(parseAmountToCents(5.001)).toBeNull();
  });

  it('writes plain decimals for files and grouped amounts with a symbol for people', () => {
    expect(formatCents(1_250_000)).toBe('12500.00');
    expect(formatMoney(1_250_000, 'AUD')).toBe('A$12,500.00');
    expect(formatMoney(1_000_000_000, 'AUD')).toBe('A$10,000,000.00');
    expect(formatMoney(995, 'USD')).toBe('$9.95');
    expect(formatMoney(-123_456, 'AUD')).toBe('-A$1,234.56');
    expect(formatMoney(500, 'JPY')).toBe('5.00 JPY');
  });
});
