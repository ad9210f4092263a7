import type { Order, OrderLine } from '../../../../shared/domain';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import { newClientReference } from '../../providers/client-reference';
import type { AppDeps } from '../app-deps';
import { settingOf } from '../settings';
import { checkOrder, checkOrderAgainstCatalog, orderQuantity, type OrderLineInput, type PlaceOrderInput } from './check-order';
import { checkNaming } from './name-order';
import { reviewLines } from './review-lines';

/**
 * Places an order: checks it, then commits the draft with its client reference and its audit entry in one
 * transaction, before anything is sent; the engine drives it from there. A reference names one intent: placing the
 * same lines again under it (a double click, a retry after a lost answer) is that order, never a second one.
 */
export async function placeOrder(deps: AppDeps, actor: Actor, input: PlaceOrderInput): Promise<Order> {
  const { account, limits } = checkOrder(deps, input);
  const naming = checkNaming(input);
  // A second process driving this folder is said before anything is asked or written.
  deps.engine.claim();
  const catalog = await checkOrderAgainstCatalog(deps, input, account, limits);
  // Each line keeps the product's name, so the cards, their sheet and their file can say what they are.
  const lines = (await reviewLines(deps, account, input.lines, catalog)).map(({ sku, faceValueCents, quantity, productName }) => ({ sku, faceValueCents, quantity, productName }));
  const reference = input.reference ?? newClientReference(deps.clock.now());
  const quantity = orderQuantity(input.lines);
  const order = deps.transaction(() => {
    const existing = deps.orders.findByReference(account.id, reference);
    if (existing) {
      if (sameLines(deps.orders.lines(existing.id), input.lines)) return existing;
      throw new ValidationError('reference', `Reference ${reference} was already used for another order of this account.`);
    }
    const draft = deps.orders.createDraft(
      {
        accountId: account.id,
        clientReference: reference,
        currency: account.currency,
        lines,
        realtime: limits.realtimeMaxQuantity !== null && quantity <= limits.realtimeMaxQuantity,
        // The Settings page's cadence for live accounts; an account with its own (a sandbox's 2 s) keeps it.
        pollEverySeconds: input.pollEverySeconds ?? (account.pollEverySeconds === null ? settingOf(deps, 'pollEverySeconds') : null),
        name: naming.name ?? null,
        memo: naming.memo ?? null,
      },
      deps.clock.now(),
    );
    deps.audit.append(actor, {
      action: 'order.place',
      details: {
        orderId: draft.id,
        reference,
        name: draft.name,
        accountId: account.id,
        account: account.name,
        lines: input.lines.length,
        quantity,
        totalCents: draft.totalCents,
        currency: draft.currency,
      },
    });
    return draft;
  });
  deps.engine.announce(order);
  deps.engine.drive(order.id);
  return order;
}

function sameLines(stored: readonly OrderLine[], asked: readonly OrderLineInput[]): boolean {
  return (
    stored.length === asked.length &&
    stored.every((l, i) => l.sku === asked[i]!.sku && l.faceValueCents === asked[i]!.faceValueCents && l.quantity === asked[i]!.quantity)
  );
}
