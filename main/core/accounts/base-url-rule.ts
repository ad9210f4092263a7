import { ValidationError } from '../errors';
import { baseUrlProblem } from '../providers/transport/base-url';

/** The base URL as the account will store it, or a ValidationError saying what is wrong with it. */
export function checkBaseUrl(text: string): string {
  const checked = baseUrlProblem(text);
  if ('problem' in checked) throw new ValidationError('base-url', `${capitalise(checked.problem)}.`);
  return checked.url.origin + checked.url.pathname.replace(/\/+$/, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
