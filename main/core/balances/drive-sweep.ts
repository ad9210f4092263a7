import type { Account } from '../../../shared/domain';
import type { Actor } from '../audit/vocabulary';
import type { Clock } from '../clock';
import { backoffMs } from '../engine/poll-cadence';
import { balanceRule } from '../providers/balance-rule';
import type { CardBalanceAnswer, ProviderClient } from '../providers/provider-client';
import { ProviderError } from '../providers/provider-error';
import { scrubText } from '../providers/transport/scrub';
import type { BalancesRepo, NewCheck, SweepCard } from '../store/repos/balances';
import type { CardsRepo } from '../store/repos/cards';
import type { BalanceTiming } from './balance-timing';

export interface SweepDriverDeps {
  balances: BalancesRepo;
  cards: Pick<CardsRepo, 'get'>;
  accounts: { find(id: string): Account | null };
  clientFor(accountId: string): Promise<ProviderClient>;
  clock: Clock;
  timing: BalanceTiming;
  /** Who the sweep's own state changes are recorded under (the engine). */
  actor: Actor;
  /** This process, in words, recorded on the sweep it drives. */
  driver: string;
  /** Tells listeners the sweep moved (an answer recorded, a wait begun). */
  changed(sweepId: number): void;
}

/**
 * Carries one sweep from its committed cards to an answer for each: one lane per account, each card asked once at
 * the account's rate (its slot taken and the card marked "sending" in one commit before the request goes out), its
 * answer recorded in one commit with any expiry change. A failed call that did no harm (429 with its Retry-After, a
 * 5xx, no answer) waits and asks again with a new slot: the card keeps its place and is never skipped.
 */
export async function driveSweep(deps: SweepDriverDeps, sweepId: number, signal: AbortSignal): Promise<void> {
  const { balances, clock } = deps;
  balances.transition(sweepId, 'drive', deps.actor, clock.now());
  balances.note(sweepId, { driver: deps.driver, lastError: null }, clock.now());
  deps.changed(sweepId);
  const lanes = new Map<string, SweepCard[]>();
  for (const card of balances.unanswered(sweepId)) lanes.set(card.accountId, [...(lanes.get(card.accountId) ?? []), card]);
  await Promise.all([...lanes.values()].map((cards) => driveLane(deps, sweepId, cards, signal)));
  if (signal.aborted || balances.get(sweepId).state !== 'running' || balances.unanswered(sweepId).length > 0) return;
  balances.transition(sweepId, 'finish', deps.actor, clock.now());
  deps.changed(sweepId);
}

async function driveLane(deps: SweepDriverDeps, sweepId: number, cards: SweepCard[], signal: AbortSignal): Promise<void> {
  let failures = 0;
  for (const card of cards) {
    for (;;) {
      if (signal.aborted || deps.balances.get(sweepId).state !== 'running') return;
      const step = await askOnce(deps, sweepId, card, signal);
      if (step.done) {
        // The failure waited out is no longer what the sweep is doing.
        if (failures > 0) deps.balances.note(sweepId, { lastError: null }, deps.clock.now());
        failures = 0;
        deps.changed(sweepId);
        break;
      }
      if (step.failed) failures += 1;
      const waitMs = step.waitMs ?? backoffMs(failures, deps.timing.retryBaseMs, 5 * 60_000);
      if (step.failed) deps.balances.note(sweepId, { lastError: step.failed }, deps.clock.now());
      deps.changed(sweepId);
      try {
        await deps.clock.sleep(waitMs, signal);
      } catch {
        return; // stopped: the card is still "pending" or "sending", and the next driver asks it
      }
    }
  }
}

type Step = { done: true } | { done: false; waitMs: number | null; failed: string | null };

async function askOnce(deps: SweepDriverDeps, sweepId: number, card: SweepCard, signal: AbortSignal): Promise<Step> {
  const account = deps.accounts.find(card.accountId);
  const stored = deps.cards.get(card.cardId);
  if (!account) return record(deps, sweepId, card, { outcome: 'failed', note: 'its account was removed' });
  const rule = balanceRule(account);
  // Blackhawk: nothing is sent, and nothing is guessed.
  if (!rule.available) return record(deps, sweepId, card, { outcome: 'not-available', note: rule.reason });
  if (!stored?.number) return record(deps, sweepId, card, { outcome: 'failed', note: 'the card has no number to ask about' });
  let client: ProviderClient;
  try {
    client = await deps.clientFor(account.id);
  } catch (err) {
    return { done: false, waitMs: null, failed: `The account cannot be used right now: ${messageOf(err)}` };
  }
  const now = deps.clock.now();
  const slot = deps.balances.takeSlot(sweepId, card.cardId, account.id, rule.perMinute, deps.timing.windowMs + deps.timing.marginMs, now);
  if (!slot.taken) return { done: false, waitMs: slot.freeAt - now, failed: null };
  let answer: CardBalanceAnswer;
  try {
    answer = await client.cardBalance({ number: stored.number, pin: stored.pin });
  } catch (err) {
    if (signal.aborted) return { done: false, waitMs: 0, failed: null };
    // Whatever an error says goes to the store and the screen: never with the card's number or PIN in it.
    const words = scrubText(messageOf(err), [stored.number, ...(stored.pin ? [stored.pin] : [])]);
    // The provider refused this card for good (unknown card, wrong PIN…): that is its answer, in its words. A refused
    // key is about the account, not the card: the lane waits for a person to fix it (or cancel) instead.
    const accountRefused = err instanceof ProviderError && (err.httpStatus === 401 || err.providerCode === 'AP01');
    if (err instanceof ProviderError && err.errorClass === 'fatal' && !accountRefused) return record(deps, sweepId, card, { outcome: 'failed', note: words });
    return { done: false, waitMs: err instanceof ProviderError ? err.retryAfterMs : null, failed: words };
  }
  if (answer.state === 'not-available') return record(deps, sweepId, card, { outcome: 'not-available', note: answer.reason });
  return record(deps, sweepId, card, {
    outcome: 'answered',
    balanceCents: answer.balanceCents,
    status: answer.status,
    expiry: answer.expiry,
    currency: answer.currency,
  });
}

/** The card's one answer of this sweep (with the expiry change it brings, and its audit entry, in the same commit). */
function record(deps: SweepDriverDeps, sweepId: number, card: SweepCard, check: Partial<NewCheck> & Pick<NewCheck, 'outcome'>): Step {
  const full: NewCheck = { balanceCents: null, status: null, expiry: null, currency: null, note: null, ...check };
  deps.balances.recordAnswer(sweepId, card.cardId, full, deps.actor, deps.clock.now());
  return { done: true };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
