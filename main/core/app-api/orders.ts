import type { Account } from '../../../shared/domain';
import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import type { CsvRowError } from '../../../shared/ipc/views';
import type { PlaceOrderInput } from '../engine/engine-api';
import { GiftdeskError, ValidationError } from '../errors';
import type { AppContext } from './app-core';
import { parseOrderLinesCsv } from '../orders/parse-lines-csv';
import { toOrderView } from './order-view';
import { newClientReference } from '../providers/client-reference';

export async function parseCsv({ accountId, text }: ParsedRequest<'orders.parseCsv'>, { core }: AppContext): Promise<Response<'orders.parseCsv'>> {
  core.accounts.get(accountId);
  const parsed = parseOrderLinesCsv(text);
  // Each well-formed row is also checked against the provider's rules on its own, so its error keeps its row number.
  const errors: CsvRowError[] = [...parsed.errors];
  const lines = parsed.lines.filter((line) => {
    try {
      core.engine.validate({ accountId, lines: [{ sku: line.sku, faceValueCents: line.faceValueCents, quantity: line.quantity }] });
      return true;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push({ row: line.row, field: columnFor(err.field), message: err.message });
      return false;
    }
  });
  if (errors.length === 0 && lines.length > 0) {
    try {
      core.engine.validate({ accountId, lines: lines.map(({ row: _row, ...l }) => l) });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push({ row: 0, field: columnFor(err.field), message: err.message });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { lines, errors };
}

function columnFor(field: string | undefined): string {
  if (!field) return 'row';
  if (/sku/i.test(field)) return 'sku';
  if (/value|amount/i.test(field)) return 'amount';
  if (/quantity|qty/i.test(field)) return 'qty';
  return field;
}

export async function validateOrder(input: ParsedRequest<'orders.validate'>, { core }: AppContext): Promise<Response<'orders.validate'>> {
  const account = core.accounts.get(input.accountId);
  core.engine.validate(input);
  const client = await core.providerFor(account.id);
  const quantity = input.lines.reduce((n, l) => n + l.quantity, 0);
  const realtimeMax = client.limits.realtimeMaxQuantity;
  return {
    accountId: account.id,
    accountName: account.name,
    provider: client.provider,
    currency: account.currency,
    quantity,
    totalCents: input.lines.reduce((n, l) => n + l.quantity * l.faceValueCents, 0),
    lineCount: input.lines.length,
    mode: realtimeMax !== null && quantity <= realtimeMax ? 'real-time' : 'batch',
    balance: await balanceOrNull(() => client.balance()),
    reference: input.reference ?? newClientReference(core.clock.now()),
  };
}

/** The review shows the balance when the provider tells it; not being able to read it must not block the review. */
async function balanceOrNull<T>(read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof GiftdeskError) return null;
    throw err;
  }
}

export async function placeOrder(input: ParsedRequest<'orders.place'>, { core }: AppContext): Promise<Response<'orders.place'>> {
  const existing = core.orders.findByReference(input.accountId, input.reference);
  // A second "place" for the reference already placed (a double click, a retry after a lost answer) is that order.
  if (existing) return toOrderView(core, existing);
  const order = await core.engine.place(input satisfies PlaceOrderInput);
  return toOrderView(core, order);
}

export async function listOrders(_: ParsedRequest<'orders.list'>, { core }: AppContext): Promise<Response<'orders.list'>> {
  const accounts = new Map<string, Account>(core.accounts.list().map((a) => [a.id, a]));
  return core.orders.list().map((o) => toOrderView(core, o, accounts));
}

export async function getOrder({ orderId }: ParsedRequest<'orders.get'>, { core }: AppContext): Promise<Response<'orders.get'>> {
  return toOrderView(core, core.orders.get(orderId));
}

export async function orderProgress({ orderId }: ParsedRequest<'orders.progress'>, { core }: AppContext): Promise<Response<'orders.progress'>> {
  core.orders.get(orderId);
  return core.engine.progress(orderId);
}

export async function checkNow({ orderId }: ParsedRequest<'orders.checkNow'>, { core }: AppContext): Promise<Response<'orders.checkNow'>> {
  core.orders.get(orderId);
  core.engine.checkNow(orderId);
  return core.engine.progress(orderId);
}

export async function cancelOrder({ orderId }: ParsedRequest<'orders.cancel'>, { core }: AppContext): Promise<Response<'orders.cancel'>> {
  const before = toOrderView(core, core.orders.get(orderId));
  if (!before.canCancel) {
    throw new ValidationError('orderId', 'This order can no longer be reversed: the provider’s reversal window has closed or it is already settled.');
  }
  core.audit.append({ actor: 'user', action: 'order.cancel-requested', subject: `order:${orderId}`, details: { reference: before.clientReference } });
  return toOrderView(core, await core.engine.cancel(orderId));
}
