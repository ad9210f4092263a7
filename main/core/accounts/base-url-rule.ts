import { baseUrlSentence, checkBaseUrl } from '../../../shared/base-url';
import { ValidationError } from '../errors';

/** The base URL as the account will store it, or a ValidationError saying what is wrong with it. */
export function accountBaseUrl(text: string): string {
  const checked = checkBaseUrl(text);
  if (!checked.ok) throw new ValidationError('base-url', baseUrlSentence(checked.problem));
  return checked.url;
}
