import { describe, expect, it } from 'vitest';
import { maskCardNumber, visibleTail } from '../../shared/mask';

describe('masking a card number', () => {
  it('shows the last four digits of a number that does not end with its PIN', () => {
    expect(maskCardNumber('6280000000000000002', '1002')).toBe('••••••••••••0002');
    expect(maskCardNumber('6280000000000000002')).toBe('••••••••••••0002');
  });

  it('shows the four digits before the PIN when the number ends with it (Blackhawk’s own example), none of the PIN', () => {
    expect(maskCardNumber('9877880000001851713', '1713')).toBe('•••••••••••0185••••');
    expect(visibleTail('9877880000001851713', '1713')).toBe('0185');
  });

  it('shows fewer digits, or none, when too few are left in front of the PIN to keep four hidden', () => {
    expect(maskCardNumber('123456781234', '1234')).toBe('••••5678••••');
    expect(maskCardNumber('1234561234', '1234')).toBe('••••56••••');
    expect(maskCardNumber('12341234', '1234')).toBe('••••••••');
    expect(maskCardNumber('1234')).toBe('••••');
  });
});
