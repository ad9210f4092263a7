import { neutralise } from '../../../../shared/plain-text';
import { ANSWER_LIMITS, AnswerLimitBreach, parseLimited, type AnswerLimits } from './answer-limits';

/**
 * The answer's body as JSON, or the reason it is not JSON (HTML error page, truncated or malformed text), or the
 * limit it broke (`limit`: nested too deep, a field too long).
 */
export type BodyReading = { ok: true; json: unknown } | { ok: false; problem: string; limit?: true };

export function readJsonBody(text: string, limits: AnswerLimits = ANSWER_LIMITS): BodyReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, json: undefined };
  try {
    return { ok: true, json: parseLimited(trimmed, limits) };
  } catch (err) {
    if (err instanceof AnswerLimitBreach) return { ok: false, problem: err.message, limit: true };
    if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed) || trimmed.startsWith('<')) {
      const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(trimmed)?.[1]?.trim();
      return { ok: false, problem: `answered an HTML page${title ? ` ("${neutralise(title)}")` : ''} instead of JSON` };
    }
    return { ok: false, problem: `answered JSON that could not be read (truncated or malformed, ${trimmed.length} characters)` };
  }
}
