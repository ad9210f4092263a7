import { neutralise } from '../../../../shared/plain-text';

/** The answer's body as JSON, or the reason it is not JSON (HTML error page, truncated or malformed text). */
export type BodyReading = { ok: true; json: unknown } | { ok: false; problem: string };

export function readJsonBody(text: string): BodyReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, json: undefined };
  try {
    // Every string a provider sends is neutralised here, at the edge, before it can reach the store, a terminal, a
    // sheet or a file (control and direction characters; HTML stays text, and is shown as text everywhere).
    return { ok: true, json: JSON.parse(trimmed, (_key, value: unknown) => (typeof value === 'string' ? neutralise(value) : value)) as unknown };
  } catch {
    if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed) || trimmed.startsWith('<')) {
      const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(trimmed)?.[1]?.trim();
      return { ok: false, problem: `answered an HTML page${title ? ` ("${neutralise(title)}")` : ''} instead of JSON` };
    }
    return { ok: false, problem: `answered JSON that could not be read (truncated or malformed, ${trimmed.length} characters)` };
  }
}
