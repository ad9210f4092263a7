import fc from 'fast-check';
import { expect, it } from 'vitest';
import { accountEnvironment, TEST_HOSTS } from '../../shared/account-environment';

// Which money an account moves, as every badge says it: the built-in sandbox, a provider's documented test host, or
// live — anything else, because anything else may debit real money.

it('says sandbox for the built-in sandbox, whatever its stored address', () => {
  expect(accountEnvironment({ provider: 'sandbox', baseUrl: 'http://127.0.0.1' })).toBe('sandbox');
  expect(accountEnvironment({ provider: 'sandbox', baseUrl: TEST_HOSTS.wpay })).toBe('sandbox');
});

it('says test for the documented test hosts, with any path, case or trailing slash', () => {
  expect(accountEnvironment({ provider: 'wpay', baseUrl: 'https://pt-api.wpay.com.au' })).toBe('test');
  expect(accountEnvironment({ provider: 'wpay', baseUrl: 'https://PT-API.wpay.com.au/v1/' })).toBe('test');
  expect(accountEnvironment({ provider: 'blackhawk', baseUrl: 'https://apipp.blackhawknetwork.com:443' })).toBe('test');
});

it('says live for any other host, including look-alikes of the test hosts', () => {
  for (const baseUrl of ['https://api.wpay.com.au', 'https://pt-api.wpay.com.au.evil.example', 'http://pt-api.wpay.com.au', 'https://apipp.blackhawknetwork.com:8443', 'not a url']) {
    expect(accountEnvironment({ provider: 'wpay', baseUrl })).toBe('live');
  }
  fc.assert(
    fc.property(fc.webUrl(), fc.constantFrom('wpay' as const, 'blackhawk' as const), (baseUrl, provider) => {
      const expected = Object.values(TEST_HOSTS).includes(new URL(baseUrl).origin) ? 'test' : 'live';
      expect(accountEnvironment({ provider, baseUrl })).toBe(expected);
    }),
    { numRuns: 200 },
  );
});
