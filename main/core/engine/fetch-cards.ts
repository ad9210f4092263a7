import type { Order } from '../../../shared/domain';
import type { CardPageRequest } from '../providers/provider-client';
import { ForeignAnswer, ProviderError } from '../providers/provider-error';
import { ANSWER_LIMIT_CODE } from '../providers/transport/http-transport';
import { describeQuarantine, foreignReason, totalMismatch } from './answer-checks';
import { backoffMs } from './poll-cadence';
import type { DriveContext } from './drive-context';
import { describeShortfall, findShortfall } from './order-lines';
import { storeCards } from './store-cards';

/** Short pages are fetched again this many rounds before the order is handed to a person. */
const SHORT_ROUNDS = 3;
/** Rounds in a row in which the provider says it has no such order (Wpay 5320, eGiftBulk.order.not.found). */
export const NOT_FOUND_ROUNDS = 4;

/** Rounds of this driver that came back short, or "no such order", in a row. */
export interface FetchRounds {
  short: number;
  notFound: number;
}
const NOT_READY_WAIT_MS = 30_000;

type PageOutcome = 'stored' | 'short' | 'not-ready' | 'cancelled' | { error: ProviderError } | { providerTotal: number };

/**
 * Fetches every page not yet stored, a few at a time, committing each page with its cards. The order is complete
 * only when the store holds exactly what was ordered, line by line.
 */
export async function fetchCards(ctx: DriveContext, order: Order, rounds: FetchRounds): Promise<void> {
  if (order.nextPollAt !== null) await ctx.waitUntil(order.nextPollAt);
  if (ctx.signal.aborted) return;
  const current = ctx.orders.get(order.id);
  if (!current.providerOrderId) {
    // Without the provider's order id there is nothing to fetch by: ask for the status first.
    ctx.transition('processing', { nextPollAt: ctx.clock.now() });
    return;
  }
  const done = ctx.pages.doneOffsets(order.id);
  const todo = ctx.client.planPages(current.quantity).filter((p) => !done.has(p.offset));
  const outcomes = await mapLimited(todo, ctx.concurrency, ctx.signal, (page) => fetchPage(ctx, current, page));
  if (ctx.signal.aborted) return;

  const now = ctx.clock.now();
  if (outcomes.includes('cancelled')) {
    ctx.transition('provider-cancelled', { stateReason: 'The provider reports the order as cancelled; no more cards can be fetched.', nextPollAt: null, settledAt: now });
    return;
  }
  const errors = outcomes.flatMap((o) => (typeof o === 'object' && 'error' in o ? [o.error] : []));
  const foreign = errors.find((e) => e instanceof ForeignAnswer);
  if (foreign) {
    ctx.transition('stuck', { stateReason: foreignReason(foreign, current), lastError: foreign.message, nextPollAt: null });
    return;
  }
  const total = outcomes.find((o) => typeof o === 'object' && 'providerTotal' in o);
  if (total) {
    const providerTotal = total.providerTotal;
    ctx.transition('stuck', { stateReason: totalMismatch(current, providerTotal), providerTotalCards: providerTotal, nextPollAt: null });
    return;
  }
  const fatal = errors.find((e) => e.errorClass === 'fatal');
  if (fatal?.providerCode === ANSWER_LIMIT_CODE) {
    ctx.transition('stuck', {
      stateReason: `The provider's answer to a card request broke a limit (${fatal.providerMessage}) each time it was asked. Nothing of it was stored. Contact the provider with the order reference ${current.clientReference}, then press "check now".`,
      lastError: fatal.message,
      nextPollAt: null,
    });
    return;
  }
  if (fatal) {
    ctx.transition('stuck', {
      stateReason: `The provider refused to hand over cards (${fatal.providerMessage ?? fatal.message}). The cards stored so far are safe; fix the account, then press "check now".`,
      lastError: fatal.message,
      nextPollAt: null,
    });
    return;
  }
  const notFound = errors.find((e) => e.errorClass === 'not-found');
  rounds.notFound = notFound ? rounds.notFound + 1 : 0;
  if (notFound && rounds.notFound >= NOT_FOUND_ROUNDS) {
    ctx.transition('stuck', {
      stateReason: `The provider says it has no order ${current.providerOrderId} when asked for its cards (${notFound.providerMessage ?? notFound.message}), in ${NOT_FOUND_ROUNDS} tries in a row. The order was accepted under reference ${current.clientReference}; contact the provider, then press "check now".`,
      lastError: notFound.message,
      nextPollAt: null,
    });
    return;
  }
  if (errors.length > 0) {
    ctx.failures += 1;
    const retryAfter = Math.max(0, ...errors.map((e) => e.retryAfterMs ?? 0));
    ctx.note({ lastError: errors[0]!.message, nextPollAt: now + Math.max(backoffMs(ctx.failures, 2_000, 10 * 60_000), retryAfter) });
    return;
  }
  ctx.failures = 0;
  if (outcomes.includes('not-ready')) {
    const wait = ctx.pollOverrideSeconds !== null ? ctx.pollOverrideSeconds * 1000 : NOT_READY_WAIT_MS;
    ctx.note({ stateReason: 'The provider is still activating cards.', nextPollAt: now + wait });
    return;
  }
  if (outcomes.includes('short') && ++rounds.short < SHORT_ROUNDS) {
    ctx.note({ stateReason: 'Some pages came back short; fetching them again.', nextPollAt: now + 2_000 });
    return;
  }
  const counts = ctx.cards.countByLine(order.id);
  const quarantined = ctx.quarantine.groups(order.id);
  if (quarantined.length > 0) {
    const stored = [...counts.values()].reduce((a, b) => a + b, 0);
    ctx.transition('stuck', { stateReason: describeQuarantine(quarantined, current, ctx.lines, stored), nextPollAt: null, percentComplete: null });
    return;
  }
  // The provider's total as the pages just reported it, not as it stood before they were fetched.
  const shortfall = findShortfall(counts, current.quantity, ctx.orders.get(order.id).providerTotalCards, ctx.lines);
  if (shortfall) {
    const fetched = ctx.pages.doneOffsets(order.id);
    const refetchable = ctx.client.planPages(current.quantity).some((p) => !fetched.has(p.offset));
    ctx.transition('stuck', { stateReason: describeShortfall(shortfall, refetchable), nextPollAt: null, percentComplete: null });
    return;
  }
  ctx.transition('stored', { stateReason: null, lastError: null, nextPollAt: null, percentComplete: 100, settledAt: now });
}

async function fetchPage(ctx: DriveContext, order: Order, page: CardPageRequest): Promise<PageOutcome> {
  try {
    const result = await ctx.client.fetchCards(order.providerOrderId!, page);
    if (result.state !== 'ready') return result.state;
    // An answer that disagrees with the order about how many cards it holds is not about this order as placed.
    if (totalMismatch(order, result.totalCards) !== null) return { providerTotal: result.totalCards! };
    const expected = Math.min(page.limit, order.quantity - page.offset);
    const full = result.cards.length >= expected;
    await storeCards(ctx, order, result.cards, page, result.currency, full);
    if (result.totalCards !== null && result.totalCards !== ctx.orders.get(order.id).providerTotalCards) {
      ctx.note({ providerTotalCards: result.totalCards });
    } else {
      ctx.notify();
    }
    return full ? 'stored' : 'short';
  } catch (err) {
    if (err instanceof ProviderError) return { error: err };
    throw err;
  }
}

/** Runs `fn` over items with at most `limit` in flight, keeping the results in order; starts no more once stopped. */
async function mapLimited<T, R>(items: readonly T[], limit: number, signal: AbortSignal, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
