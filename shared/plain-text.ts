// Text that a terminal, a sheet, a CSV or a screen shows as it reads: no control characters (NUL, BEL, ESC colour
// codes, DEL, the C1 set) and no bidirectional controls (U+202E turns "exe.cod" into "doc.exe"), nor line and
// paragraph separators. Names a person types are refused with them; strings from a provider are neutralised.

const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

/** The first unsafe character, named as U+XXXX, or null when there is none. */
export function unsafeCharacter(text: string): string | null {
  const found = UNSAFE.exec(text)?.[0];
  return found === undefined ? null : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Tabs and line breaks become spaces, every other unsafe character U+FFFD (�), so nothing a provider sent can act. */
export function neutralise(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : '\uFFFD'));
}
