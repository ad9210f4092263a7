import { z } from 'zod';
import type { ProviderErrorClass } from '../provider-error';
import type { FailureInterpreter } from '../transport/http-transport';

const errorBody = z.looseObject({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  messages: z.array(z.unknown()).nullish(),
});

/** Codes whose meaning is fixed whatever the HTTP status (Woohoo codes, as Wpay passes them on). */
const CODE_CLASSES: Record<string, ProviderErrorClass> = {
  '5313': 'duplicate-reference',
  '5320': 'not-found',
};

/** Repeating these will not help; the words are added when the provider sends none. */
const FATAL_WORDS: Record<string, string> = {
  AP01: 'invalid API key',
  '6063': 'insufficient SVA balance',
  '5338': 'order exceeds the maximum order value',
  '5307': 'denomination not available',
  '5318': 'denomination not available',
  '5310': 'SKU not available',
  '8205': 'SKU not available',
  '5035': 'SVA payment not available',
  '5036': 'payment amount does not match the order total',
  '5321': 'cannot process the order',
  '6050': 'cannot process the order',
  '10467': 'reversal window has passed',
};

/** Wpay codes sometimes carry a "400" prefix: 4005313 is 5313. */
export function normaliseWpayCode(code: string | number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const text = String(code).trim();
  if (text === '') return null;
  const m = /^400-?(\d{4,5})$/.exec(text);
  return m?.[1] ?? text;
}

export const interpretWpayFailure: FailureInterpreter = ({ status, body, idempotent }) => {
  const parsed = errorBody.safeParse(body);
  const fields = parsed.success ? parsed.data : {};
  const code = normaliseWpayCode(fields.code);
  const words = providerWords(fields.message, fields.messages);
  const message = words || (code ? (FATAL_WORDS[code] ?? null) : null);

  if (code && CODE_CLASSES[code]) return { providerCode: code, providerMessage: message, errorClass: CODE_CLASSES[code] };
  if (status === 401 || code === 'AP01') {
    return { providerCode: code, providerMessage: message ?? 'invalid API key', errorClass: 'fatal' };
  }
  // "Retry later": the provider says it did not take the call, but after a submit the engine checks by refno first.
  if (code === '6053') return { providerCode: code, providerMessage: message, errorClass: idempotent ? 'retryable' : 'uncertain' };
  if (code && FATAL_WORDS[code] && status < 500) return { providerCode: code, providerMessage: message, errorClass: 'fatal' };
  return { providerCode: code, providerMessage: message, errorClass: null };
};

/**
 * The answer's `message` and its field-level `messages` ("payments: Value is required…"), each once: the reasons are
 * in the list, and a person fixing the order needs them.
 */
function providerWords(message: string | null | undefined, messages: readonly unknown[] | null | undefined): string | null {
  const all = [message, ...(messages ?? [])].filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => m.trim());
  const once = [...new Set(all)];
  return once.length > 0 ? once.join('; ') : null;
}
