import type { NewCard, Order } from '../../../shared/domain';
import { ForeignAnswer, ProviderError } from '../providers/provider-error';
import { checkAdoption, foreignReason, totalMismatch } from './answer-checks';
import type { ProviderOrderStatus } from '../providers/provider-client';
import { backoffMs, nextPollDelayMs } from './poll-cadence';
import type { DriveContext } from './drive-context';
import { storeCards } from './store-cards';

/**
 * Sends of one reference, at most: each after a lookup that said the order never arrived. Past it a person decides,
 * so that a provider that keeps losing (or keeps denying) an order is not sent it without end.
 */
export const MAX_SUBMITS = 5;

/** Wpay's guidance after a timeout or 5xx: wait about 30 s, then ask for the order by its reference. */
const RECONCILE_AFTER_MS = 30_000;

/**
 * Sends the order, or finds out whether an earlier send arrived. The reference never changes: a request that may
 * have reached the provider is looked up by it before anything is sent again.
 */
export async function submitOrder(ctx: DriveContext, order: Order): Promise<void> {
  if (order.submitAttempts > 0) {
    const found = await reconcile(ctx, order);
    if (found === 'later') return;
    if (found) return accept(ctx, found, null, null);
    if (order.submitAttempts >= MAX_SUBMITS) {
      ctx.transition('stuck', {
        stateReason: `Sent ${order.submitAttempts} times under reference ${order.clientReference}, and each time the provider then said it never arrived. Giftdesk sends it no more on its own: contact the provider with the reference before ordering these cards again.`,
        nextPollAt: null,
      });
      return;
    }
  }
  // Counted in the same commit that marks the order as sent, before the request goes out.
  const sending = ctx.transition('send', { submitAttempts: order.submitAttempts + 1 });
  try {
    const result = await ctx.client.submit({
      reference: sending.clientReference,
      lines: ctx.lines.map((l) => ({ sku: l.sku, faceValueCents: l.faceValueCents, quantity: l.quantity })),
      currency: sending.currency,
      realtime: sending.realtime,
    });
    ctx.failures = 0;
    await accept(ctx, result.status, result.cards, result.currency);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    if (err instanceof ForeignAnswer) {
      // It may have been sent: never failed, never sent again, until a person has spoken to the provider.
      ctx.transition('stuck', { stateReason: foreignReason(err, sending), lastError: err.message, nextPollAt: null });
      return;
    }
    if (err.errorClass === 'fatal') {
      ctx.transition('refused', { stateReason: `The provider refused the order: ${err.providerMessage ?? err.message}`, lastError: err.message, nextPollAt: null, settledAt: ctx.clock.now() });
      return;
    }
    if (err.errorClass === 'duplicate-reference' && sending.submitAttempts === 1) {
      // Nothing of ours was sent before under this reference: it belongs to some other order at the provider.
      ctx.transition('refused', {
        stateReason: `The provider already has an order under reference ${sending.clientReference} that Giftdesk did not place. Order again with another reference.`,
        lastError: err.message,
        nextPollAt: null,
        settledAt: ctx.clock.now(),
      });
      return;
    }
    // Timeout, dropped answer, 5xx, 429 or our own earlier send: find out by reference before sending again.
    ctx.failures += 1;
    const wait =
      err.errorClass === 'duplicate-reference' ? 0 : ctx.pollOverrideSeconds !== null ? ctx.pollOverrideSeconds * 1000 : RECONCILE_AFTER_MS;
    ctx.note({ lastError: err.message, nextPollAt: ctx.clock.now() + Math.max(wait, err.retryAfterMs ?? 0) });
  }
}

/** The order as the provider knows it by reference; null when it never arrived; 'later' when asking failed. */
async function reconcile(ctx: DriveContext, order: Order): Promise<ProviderOrderStatus | null | 'later'> {
  if (order.nextPollAt !== null) await ctx.waitUntil(order.nextPollAt);
  if (ctx.signal.aborted) return 'later';
  try {
    const found = await ctx.client.findByReference(order.clientReference);
    ctx.failures = 0;
    return found;
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    ctx.failures += 1;
    if (err instanceof ForeignAnswer) {
      ctx.transition('stuck', { stateReason: foreignReason(err, order), lastError: err.message, nextPollAt: null });
      return 'later';
    }
    if (err.errorClass === 'fatal') {
      ctx.transition('stuck', {
        stateReason: `Giftdesk cannot tell whether the order reached the provider: looking it up by reference ${order.clientReference} was refused (${err.providerMessage ?? err.message}). Fix the account, then press "check now"; the order will not be sent again until that is known.`,
        lastError: err.message,
        nextPollAt: null,
      });
      return 'later';
    }
    ctx.note({ lastError: err.message, nextPollAt: ctx.clock.now() + Math.max(backoffMs(ctx.failures, 5_000, 15 * 60_000), err.retryAfterMs ?? 0) });
    return 'later';
  }
}

/** The provider has the order: commit that, with whatever came back inline. */
export async function accept(ctx: DriveContext, status: ProviderOrderStatus, inlineCards: NewCard[] | null, answerCurrency: string | null): Promise<void> {
  const now = ctx.clock.now();
  const current = ctx.orders.get(ctx.orderId);
  checkAdoption(current, status, ctx.client.provider);
  const wrongTotal = totalMismatch(current, status.totalCards);
  if (wrongTotal !== null) {
    ctx.transition('stuck', { stateReason: wrongTotal, providerOrderId: current.providerOrderId ?? status.providerOrderId, providerTotalCards: status.totalCards, acceptedAt: current.acceptedAt ?? now, nextPollAt: null });
    return;
  }
  const common = {
    providerOrderId: status.providerOrderId ?? current.providerOrderId,
    providerStatus: status.label,
    percentComplete: status.percentComplete,
    providerTotalCards: status.totalCards,
    cancelAllowed: status.cancel?.allowed ?? current.cancelAllowed,
    cancelWithinMinutes: status.cancel?.withinMinutes ?? current.cancelWithinMinutes,
    acceptedAt: current.acceptedAt ?? now,
    lastError: null,
  };
  if (inlineCards && inlineCards.length > 0) await storeCards(ctx, current, inlineCards, null, answerCurrency);
  if (status.phase === 'cancelled' || status.phase === 'failed') {
    ctx.transition(providerSettled(status.phase), { ...common, stateReason: `The provider reports the order as ${status.label}.`, nextPollAt: null, settledAt: now });
  } else if (status.phase === 'complete') {
    ctx.transition('ready', { ...common, nextPollAt: now });
  } else {
    const delay = nextPollDelayMs({ quantity: current.quantity, overrideSeconds: ctx.pollOverrideSeconds, first: true });
    ctx.transition('accepted', { ...common, stateReason: null, nextPollAt: now + delay });
  }
}

/** The event for an order the provider itself reports as settled. */
export function providerSettled(phase: 'cancelled' | 'failed'): 'provider-cancelled' | 'provider-failed' {
  return phase === 'cancelled' ? 'provider-cancelled' : 'provider-failed';
}
