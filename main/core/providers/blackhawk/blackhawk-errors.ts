import { z } from 'zod';
import type { FailureInterpreter } from '../transport/http-transport';

const errorBody = z.looseObject({
  errors: z.array(z.looseObject({ errorCode: z.string().nullish(), message: z.string().nullish() })).nullish(),
  message: z.string().nullish(),
});

/** Blackhawk answers 4xx with `{"errors":[{"errorCode","message"}]}`; "…not.found" codes mean no such order. */
export const interpretBlackhawkFailure: FailureInterpreter = ({ status, body }) => {
  const parsed = errorBody.safeParse(body);
  const errors = parsed.success ? (parsed.data.errors ?? []) : [];
  const code = errors.find((e) => e.errorCode)?.errorCode ?? null;
  const words = errors.map((e) => e.message).filter((m): m is string => Boolean(m));
  const message = words.length > 0 ? words.join('; ') : parsed.success ? (parsed.data.message ?? null) : null;
  if (errors.some((e) => /not\.?found/i.test(e.errorCode ?? ''))) {
    return { providerCode: code, providerMessage: message, errorClass: 'not-found' };
  }
  if (status === 401 || status === 403) {
    return { providerCode: code, providerMessage: message ?? 'access refused (certificate or merchantId)', errorClass: 'fatal' };
  }
  return { providerCode: code, providerMessage: message, errorClass: null };
};
