import type { Account } from '../../../shared/domain';
import { ValidationError } from '../errors';
import type { ProviderLimits } from '../providers/provider-client';
import { checkClientReference } from '../providers/client-reference';
import type { PlaceOrderInput } from './engine-api';

/** Everything that can be known to be wrong before a byte goes out. Throws ValidationError naming the field. */
export function validateOrder(input: PlaceOrderInput, account: Account | null, limits: ProviderLimits | null): void {
  if (!account) throw new ValidationError('account', 'No such account.');
  if (input.lines.length === 0) throw new ValidationError('lines', 'The order has no lines.');
  if (limits && input.lines.length > limits.maxLines) {
    throw new ValidationError('lines', `The order has ${input.lines.length} lines; this provider takes at most ${limits.maxLines}.`);
  }
  let total = 0;
  input.lines.forEach((line, i) => {
    const where = input.lines.length > 1 ? ` (line ${i + 1})` : '';
    if (!line.sku.trim()) throw new ValidationError('sku', `The product code is empty${where}.`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new ValidationError('quantity', `The quantity must be a whole number above 0${where}.`);
    }
    if (!Number.isSafeInteger(line.faceValueCents) || line.faceValueCents <= 0) {
      throw new ValidationError('amount', `The amount must be above 0, with at most two decimals${where}.`);
    }
    if (account.provider !== 'wpay' && account.sandboxFlavor !== 'wpay' && line.faceValueCents % 100 !== 0) {
      throw new ValidationError('amount', `Blackhawk takes whole amounts only${where}.`);
    }
    total += line.quantity;
  });
  if (limits && total > limits.maxQuantity) {
    throw new ValidationError('quantity', `The order is for ${total} cards; this provider takes at most ${limits.maxQuantity} in one order.`);
  }
  if (input.reference !== undefined) checkClientReference(input.reference, limits?.maxReferenceLength ?? 50);
  if (input.pollEverySeconds !== undefined && (!Number.isFinite(input.pollEverySeconds) || input.pollEverySeconds <= 0)) {
    throw new ValidationError('poll-every', 'The poll interval must be a positive number of seconds.');
  }
}
