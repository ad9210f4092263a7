import type { Order } from '../../../../shared/domain';
import { unsafeCharacter } from '../../../../shared/plain-text';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { AppDeps } from '../app-deps';
import { orderOf } from './order-of';

export const ORDER_NAME_MAX = 80;
export const ORDER_MEMO_MAX = 1_000;

/** undefined leaves a field as it is; null or blank text clears it. */
export interface OrderNaming {
  name?: string | null;
  memo?: string | null;
}

function checked(field: 'name' | 'memo', text: string | null | undefined, max: number): string | null | undefined {
  if (text === undefined) return undefined;
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > max) throw new ValidationError(field, `Keep the ${field} to ${max.toLocaleString('en')} characters (this one has ${trimmed.length.toLocaleString('en')}).`);
  // A memo may run over lines; a name is one line, as it shows in a table row, a sheet or a terminal.
  const unsafe = unsafeCharacter(field === 'memo' ? trimmed.replace(/\r?\n/g, ' ') : trimmed);
  if (unsafe) throw new ValidationError(field, `The ${field} has a character that cannot be shown (${unsafe}).`);
  return trimmed;
}

/** The name and memo as they are kept (trimmed; blank is none), or the ValidationError naming the field. */
export function checkNaming(naming: OrderNaming): { name: string | null | undefined; memo: string | null | undefined } {
  return { name: checked('name', naming.name, ORDER_NAME_MAX), memo: checked('memo', naming.memo, ORDER_MEMO_MAX) };
}

/** Gives an order a name and a memo of the person's own, with its audit entry; unchanged writes nothing. */
export function nameOrder(deps: AppDeps, actor: Actor, orderId: number, naming: OrderNaming): Order {
  const { name, memo } = checkNaming(naming);
  return deps.transaction(() => {
    const before = orderOf(deps, orderId);
    const next = { name: name === undefined ? before.name : name, memo: memo === undefined ? before.memo : memo };
    const fields = (['name', 'memo'] as const).filter((f) => next[f] !== before[f]);
    if (fields.length === 0) return before;
    const after = deps.orders.setNaming(orderId, next, deps.clock.now());
    deps.audit.append(actor, {
      action: 'order.name',
      details: { orderId, reference: before.clientReference, fields: [...fields], name: after.name, previousName: before.name, memo: after.memo },
    });
    return after;
  });
}
