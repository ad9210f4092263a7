// What a person may see of a card without an audited reveal.

/** Last four characters of a card number; a value too short to hide anything behind them is hidden whole. */
export function maskCardNumber(value: string | null): string | null {
  if (!value) return value;
  if (value.length < 8) return '•'.repeat(value.length);
  return `${'•'.repeat(Math.min(value.length - 4, 12))}${value.slice(-4)}`;
}

/** PINs are short: any visible digit is a real part of the secret, so none is shown. */
export function maskPin(value: string | null): string | null {
  return value ? '••••' : value;
}
