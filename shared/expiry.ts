// An expiry as people read it. Providers send a date (`2029-11-30`) or a timestamp (`2029-11-30T08:57:08+00:00`); the
// date part is taken as they wrote it and never converted to another time zone, where it could become the 29th or
// the 1st. Anything that is not such a date is shown as the provider gave it.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30 Nov 2029"; null when the card has no expiry. */
export function formatExpiry(expiry: string | null): string | null {
  if (!expiry) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(expiry.trim());
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) return expiry;
  return `${day} ${MONTHS[month - 1]} ${m[1]}`;
}
