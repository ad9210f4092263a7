// The advice on a failed order names the provider's reason and what to do, read from what the engine recorded: Wpay's
// codes with or without their "400" prefix, the 401 AP01 of a bad key, Blackhawk's dotted codes; a repeated reference
// (5313) is never advice to order again; anything else falls back to the provider's own words.
import { describe, expect, it } from 'vitest';
import { orderAdvice, providerCode } from '../../renderer/src/screens/order-advice';

const failed = (lastError: string, stateReason: string | null = null) => ({ state: 'failed' as const, stateReason, lastError, clientReference: 'gd-20261201093000-abcdefghjkmnpqrstvwx' });

describe('order advice', () => {
  it('reads the code the way the engine records provider errors', () => {
    expect(providerCode('Wpay place order failed (HTTP 400 code 4006063): Insufficient balance')).toBe('6063');
    expect(providerCode('Wpay place order failed (HTTP 400 code 6063): Insufficient balance')).toBe('6063');
    expect(providerCode('Wpay place order failed (HTTP 401 code AP01): Invalid API key')).toBe('AP01');
    expect(providerCode('Blackhawk submit failed (HTTP 400 code orderDetails.contentProvider.invalid): bad product')).toBe('orderDetails.contentProvider.invalid');
    expect(providerCode('Wpay place order failed (HTTP 400 code 9999): something new')).toBeNull();
    expect(providerCode('The connection was refused')).toBeNull();
  });

  it('names the reason and the way out, and offers a retry only where one is safe', () => {
    expect(orderAdvice(failed('Wpay place order failed (HTTP 400 code 4006063): Insufficient balance'))).toMatchObject({
      problem: expect.stringMatching(/^The prepaid balance was too low for this order\./),
      next: expect.stringContaining('Top up the prepaid account'),
      code: '6063',
      retry: true,
    });
    expect(orderAdvice(failed('Wpay place order failed (HTTP 400 code 5338): Exceeds max order value'))).toMatchObject({ next: expect.stringContaining('fewer cards'), retry: true });
    expect(orderAdvice(failed('Wpay place order failed (HTTP 401 code AP01): Invalid key'))).toMatchObject({ next: expect.stringContaining('Accounts'), retry: true });
    const repeated = orderAdvice(failed('Wpay place order failed (HTTP 400 code 5313): Duplicate reference number'))!;
    expect(repeated).toMatchObject({ retry: false, next: expect.stringMatching(/^Do not order again: ask the provider about reference gd-/) });
    expect(orderAdvice(failed('Wpay place order failed (HTTP 400 code 9999): Something new', 'The provider refused the order: Something new'))).toMatchObject({
      problem: 'The provider refused the order: Something new',
      code: null,
      retry: true,
    });
  });

  it('gives no advice to an order on its way or done, and never "order again" on one that needs attention', () => {
    expect(orderAdvice({ state: 'processing', stateReason: null, lastError: null, clientReference: 'r' })).toBeNull();
    expect(orderAdvice({ state: 'complete', stateReason: null, lastError: null, clientReference: 'r' })).toBeNull();
    expect(orderAdvice({ state: 'needs-attention', stateReason: 'Funding Hold', lastError: null, clientReference: 'r' })).toMatchObject({ retry: false, next: expect.stringContaining('could pay twice') });
  });
});
