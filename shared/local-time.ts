// Moments in the machine's time zone, as files and the command line write them.

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-03": the local month a moment falls in. */
export function localMonth(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}`;
}

/** "2026-03-31 14:05:09 +11:00": a local time a spreadsheet and a person both read, with its offset from UTC. */
export function localTimestamp(ms: number): string {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "2026-03-31": the local day a moment falls in, as the reports' ranges take it. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
