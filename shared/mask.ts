// What a person may see of a card without an audited reveal.

/**
 * The characters of a card number that may be shown: its last four, or, when the number ends with the card's PIN
 * (as in Blackhawk's own example, …1851713 with PIN 1713), the four before the PIN — fewer when the number is too
 * short to keep four hidden in front of them. Never any character of the PIN.
 */
export function visibleTail(value: string, pin: string | null = null): string {
  const pinTail = pin && value.endsWith(pin) ? pin.length : 0;
  const before = value.slice(0, value.length - pinTail);
  const shown = Math.max(0, Math.min(4, before.length - 4));
  return before.slice(before.length - shown);
}

/** A card number masked: bullets, then the visible tail (and bullets for a PIN it ends with); a short value hidden whole. */
export function maskCardNumber(value: string | null, pin: string | null = null): string | null {
  if (!value) return value;
  if (value.length < 8) return '•'.repeat(value.length);
  const tail = visibleTail(value, pin);
  const pinTail = pin && value.endsWith(pin) ? pin.length : 0;
  const lead = value.length - tail.length - pinTail;
  return `${'•'.repeat(Math.min(lead, 12))}${tail}${'•'.repeat(pinTail)}`;
}

/** PINs are short: any visible digit is a real part of the secret, so none is shown. */
export function maskPin(value: string | null): string | null {
  return value ? '••••' : value;
}
