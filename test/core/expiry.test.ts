import { expect, test } from 'vitest';
import { formatExpiry } from '../../shared/expiry';

test('an ISO timestamp prints as its own date, whatever its offset: never moved to another day', () => {
  expect(formatExpiry('2029-11-30T08:57:08+00:00')).toBe('30 Nov 2029');
  // Midnight-adjacent times in far-off zones: converting to local time would change the day; the date part stands.
  expect(formatExpiry('2029-11-30T23:59:59-12:00')).toBe('30 Nov 2029');
  expect(formatExpiry('2029-12-01T00:00:00+14:00')).toBe('1 Dec 2029');
  expect(formatExpiry('2030-01-31')).toBe('31 Jan 2030');
  expect(formatExpiry('2030-02-01 10:00')).toBe('1 Feb 2030');
});

test('every day of a year keeps its day and month', () => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let day = Date.UTC(2028, 0, 1); day < Date.UTC(2029, 0, 1); day += 86_400_000) {
    const iso = new Date(day).toISOString().slice(0, 10);
    const [y, m, d] = iso.split('-').map(Number);
    expect(formatExpiry(`${iso}T23:30:00-11:00`)).toBe(`${d} ${months[m! - 1]} ${y}`);
  }
});

test('no expiry is null, and anything that is not a date is shown as the provider wrote it', () => {
  expect(formatExpiry(null)).toBeNull();
  expect(formatExpiry('')).toBeNull();
  expect(formatExpiry('12/2029')).toBe('12/2029');
  expect(formatExpiry('2029-13-01')).toBe('2029-13-01');
  expect(formatExpiry('Never')).toBe('Never');
});
