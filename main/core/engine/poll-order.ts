import type { Order } from '../../../shared/domain';
import type { ProviderOrderStatus } from '../providers/provider-client';
import { ForeignAnswer, ProviderError } from '../providers/provider-error';
import { checkAdoption, foreignReason, totalMismatch } from './answer-checks';
import { backoffMs, nextPollDelayMs } from './poll-cadence';
import type { DriveContext } from './drive-context';
import { providerSettled } from './submit-order';

/**
 * How many status answers in a row may carry an unknown word before the order goes to a person: with the polling
 * cadence (seconds for a small order, minutes for a large one), a bounded time of minutes to an hour or two.
 */
export const UNKNOWN_STATUS_CHECKS = 12;

/** One status check of an accepted order, at its persisted time. */
export async function pollOrder(ctx: DriveContext, order: Order): Promise<void> {
  if (order.nextPollAt !== null) await ctx.waitUntil(order.nextPollAt);
  if (ctx.signal.aborted) return;
  const current = ctx.orders.get(order.id);
  let status;
  try {
    status = await ctx.client.status({ reference: current.clientReference, providerOrderId: current.providerOrderId });
    checkAdoption(current, status, ctx.client.provider);
    ctx.failures = 0;
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    ctx.failures += 1;
    if (err instanceof ForeignAnswer) {
      ctx.transition('stuck', { stateReason: foreignReason(err, current), lastError: err.message, nextPollAt: null });
      return;
    }
    if (err.errorClass === 'fatal' || err.errorClass === 'not-found') {
      // The order was accepted and is being paid for: never give it up as failed because a check was refused.
      ctx.transition('stuck', {
        stateReason: `The provider refused the status check (${err.providerMessage ?? err.message}). The order was accepted under reference ${current.clientReference}; fix the account, then press "check now".`,
        lastError: err.message,
        nextPollAt: null,
      });
      return;
    }
    ctx.note({ lastError: err.message, nextPollAt: ctx.clock.now() + Math.max(backoffMs(ctx.failures, 5_000, 15 * 60_000), err.retryAfterMs ?? 0) });
    return;
  }

  const now = ctx.clock.now();
  const wrongTotal = totalMismatch(current, status.totalCards);
  if (wrongTotal !== null) {
    ctx.transition('stuck', { stateReason: wrongTotal, providerTotalCards: status.totalCards, providerStatus: status.label, nextPollAt: null });
    return;
  }
  const known = {
    providerOrderId: status.providerOrderId ?? current.providerOrderId,
    providerStatus: status.label,
    percentComplete: status.percentComplete,
    providerTotalCards: status.totalCards ?? current.providerTotalCards,
    cancelAllowed: status.cancel?.allowed ?? current.cancelAllowed,
    cancelWithinMinutes: status.cancel?.withinMinutes ?? current.cancelWithinMinutes,
    lastError: null,
  };
  const handOver = unusualStatus(ctx, status, current.clientReference);
  if (handOver) {
    ctx.transition('stuck', { ...known, stateReason: handOver, nextPollAt: null });
    return;
  }
  switch (status.phase) {
    case 'complete':
      ctx.transition('ready', { ...known, stateReason: null, nextPollAt: now });
      return;
    case 'cancelled':
    case 'failed':
      ctx.transition(providerSettled(status.phase), { ...known, stateReason: `The provider reports the order as ${status.label}.`, nextPollAt: null, settledAt: now });
      return;
    default: {
      // Still processing, or a word not known yet (asked again, a bounded number of times).
      const delay = nextPollDelayMs({
        quantity: current.quantity,
        overrideSeconds: ctx.pollOverrideSeconds,
        first: false,
        percentComplete: status.percentComplete,
        elapsedMs: now - (current.acceptedAt ?? now),
      });
      ctx.transition('processing', { ...known, stateReason: null, nextPollAt: now + delay });
    }
  }
}

/**
 * A status that needs a person: some of the order's cards did not go through, or a word no document lists, seen in
 * UNKNOWN_STATUS_CHECKS answers in a row. Null while the order can be left to the engine.
 */
function unusualStatus(ctx: DriveContext, status: ProviderOrderStatus, reference: string): string | null {
  if (status.phase === 'partial') {
    return `The provider reports the order as "${status.label}": not every card of it went through. Contact the provider with the order reference ${reference} to learn which cards were issued and paid for.`;
  }
  if (status.phase !== 'unknown') {
    ctx.unknownStatusChecks = 0;
    return null;
  }
  if (++ctx.unknownStatusChecks < UNKNOWN_STATUS_CHECKS) return null;
  return `The provider reports the order as "${status.label}", a status Giftdesk does not know, in each of its last ${UNKNOWN_STATUS_CHECKS} checks. Contact the provider with the order reference ${reference} to learn what it means; press "check now" to ask again.`;
}
