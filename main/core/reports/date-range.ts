// Days as people write them (2026-03-31), read in the machine's time zone: a report "for March" is March where the
// business is, and an order accepted at 00:30 on 1 April local time belongs to April whatever UTC says.
import { ValidationError } from '../errors';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a YYYY-MM-DD day; a bad date is refused naming the field. */
export function startOfDay(field: string, text: string): number {
  const m = DAY.exec(text.trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const at = new Date(y, mo - 1, d);
  if (!m || at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d) {
    throw new ValidationError(field, `"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.`);
  }
  return at.getTime();
}

/** From the start of `from` to the end of `to` (both days included), as [from, to) in ms; either end may be open. */
export function dayRange(from: string | null | undefined, to: string | null | undefined): { from?: number; to?: number } {
  const start = from ? startOfDay('from', from) : undefined;
  const last = to ? startOfDay('to', to) : undefined;
  const end = last === undefined ? undefined : nextDay(last);
  if (start !== undefined && end !== undefined && start >= end) throw new ValidationError('to', `--to ${to} is before --from ${from}.`);
  return { from: start, to: end };
}

function nextDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}
