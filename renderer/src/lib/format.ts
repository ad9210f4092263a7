import { formatExpiry as formatExpiryDate } from '../../../shared/expiry';
import { formatMoney } from '../../../shared/money';

export { formatMoney };

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (ms: number): string => dateTime.format(ms);
export const formatDay = (ms: number): string => day.format(ms);
export const formatTime = (ms: number): string => time.format(ms);
export const formatDateTimeSeconds = (ms: number): string => dateTimeSeconds.format(ms);

/** "in 12 s", "in 4 min", "now" — for the next status check. */
export function formatUntil(at: number, now: number): string {
  const s = Math.round((at - now) / 1000);
  if (s <= 0) return 'now';
  if (s < 90) return `in ${s} s`;
  const min = Math.round(s / 60);
  return min < 90 ? `in ${min} min` : `at ${formatTime(at)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Providers send a date or a full timestamp; a person needs the day, the same one the printed sheet shows. */
export function formatExpiry(expiry: string | null): string {
  return formatExpiryDate(expiry) ?? '—';
}
