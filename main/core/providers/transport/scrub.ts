// Provider messages are shown to people and written to logs; they must not carry what they sometimes echo back.

const MAX_MESSAGE_LENGTH = 300;
/** Eight or more digits, possibly grouped by single spaces or dashes: card numbers, barcodes, account numbers. */
const DIGIT_RUN = /\d(?:[ -]?\d){7,}/g;
/** Long tokens mixing letters and digits: API keys, bearer tokens, eGift URL ids. */
const TOKEN = /[A-Za-z0-9_+/=-]{32,}/g;
/**
 * A value with a digit after a word that names a secret ("PIN 1234", "apiKey=ab12…"): too short to catch by shape.
 * Words alone ("Invalid PIN format") are left readable.
 */
const NAMED_SECRET = /\b(pin|cvv|passcode|password|passphrase|api[ _-]?key|x-api-key)\b(\s*[:=#]?\s*)(?=[^\s,;]*\d)("[^"]*"|'[^']*'|[^\s,;]+)/gi;

export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[removed]');
  }
  out = out.replace(NAMED_SECRET, '$1$2[removed]');
  out = out.replace(TOKEN, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) ? '[removed]' : m));
  out = out.replace(DIGIT_RUN, '[number removed]');
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_MESSAGE_LENGTH ? `${out.slice(0, MAX_MESSAGE_LENGTH)}…` : out;
}
