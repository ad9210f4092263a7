// Provider messages are shown to people and written to logs; they must not carry what they sometimes echo back.

const MAX_MESSAGE_LENGTH = 300;
/** Eight or more digits, possibly grouped by single spaces or dashes: card numbers, barcodes, account numbers. */
const DIGIT_RUN = /\d(?:[ -]?\d){7,}/g;
/** Long tokens mixing letters and digits: API keys, bearer tokens, eGift URL ids. */
const TOKEN = /[A-Za-z0-9_+/=-]{32,}/g;

export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[removed]');
  }
  out = out.replace(TOKEN, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) ? '[removed]' : m));
  out = out.replace(DIGIT_RUN, '[number removed]');
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_MESSAGE_LENGTH ? `${out.slice(0, MAX_MESSAGE_LENGTH)}…` : out;
}
