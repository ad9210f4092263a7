import { z } from 'zod';
import type { ProviderErrorClass } from '../provider-error';
import type { FailureInterpreter } from '../transport/http-transport';

const errorBody = z.looseObject({
  errors: z.array(z.looseObject({ errorCode: z.string().nullish(), message: z.string().nullish() })).nullish(),
  message: z.string().nullish(),
});

/**
 * Blackhawk's documented error codes whose meaning is fixed, compared whole. Only "no order under these keys" means
 * an order never arrived; a validation code that merely contains "notFound" (orderDetails.contentProvider.notFound:
 * no such product) is a refusal of the request like any other 4xx, never a reason to send it again.
 */
const CODE_CLASSES: Record<string, ProviderErrorClass> = {
  'egiftbulk.order.not.found': 'not-found',
};

/** Blackhawk answers 4xx with `{"errors":[{"errorCode","message"}]}`. */
export const interpretBlackhawkFailure: FailureInterpreter = ({ status, body }) => {
  const parsed = errorBody.safeParse(body);
  const errors = parsed.success ? (parsed.data.errors ?? []) : [];
  const code = errors.find((e) => e.errorCode)?.errorCode ?? null;
  const words = errors.map((e) => e.message).filter((m): m is string => Boolean(m));
  const message = words.length > 0 ? words.join('; ') : parsed.success ? (parsed.data.message ?? null) : null;
  const known = errors.map((e) => CODE_CLASSES[(e.errorCode ?? '').trim().toLowerCase()]).find((c) => c !== undefined);
  // Only when it is the whole answer: a not-found beside other errors is a refusal of the request.
  if (known && errors.length === 1) return { providerCode: code, providerMessage: message, errorClass: known };
  if (status === 401 || status === 403) {
    return { providerCode: code, providerMessage: message ?? 'access refused (certificate or merchantId)', errorClass: 'fatal' };
  }
  return { providerCode: code, providerMessage: message, errorClass: null };
};
