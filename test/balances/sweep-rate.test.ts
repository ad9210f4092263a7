import { describe, expect, it } from 'vitest';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { openCore, person } from '../support/core';
import { issuedCards } from '../support/issued-cards';
import { tempDir } from '../support/temp-dir';

// Wpay's minute, shortened on both sides: the sandbox counts in windows of this length, Giftdesk keeps to it.
const WINDOW_MS = 1_500;
const LIMIT = 50;

describe('a balance sweep of 130 issued cards against the sandbox', () => {
  it('never sends more than the limit in any window (as the sandbox counts), and records the balances the sandbox answered', async () => {
    const instruments = createFaultInstruments();
    const core = await openCore(tempDir(), {
      sandbox: { instruments, processing: { baseMs: 200, perCardMs: 0 }, balances: { limit: LIMIT, windowMs: WINDOW_MS, spendOverMs: 0 } },
      balanceTiming: { windowMs: WINDOW_MS, marginMs: 300, watchMs: 100 },
    });
    try {
      const account = core.accounts.findByName('Sandbox (Wpay)')!;
      expect(account.balanceRatePerMinute).toBe(LIMIT);
      const { cardIds } = await issuedCards(core, account.id, 130);
      const actor = person();
      const started = core.app.balances.start(actor, { kind: 'issued' });
      expect(started.cards).toBe(130);
      const seen: number[] = [];
      const done = await core.app.balances.follow(actor, started.sweepId, (p) => seen.push(p.answered));
      expect(done).toMatchObject({ state: 'done', answered: 130, failed: 0, notAvailable: 0, resent: 0 });
      // Progress came as it went, not only at the end.
      expect(new Set(seen).size).toBeGreaterThan(3);

      const stats = (await core.providers.sandbox()).stats();
      expect(stats.balanceChecks.requests).toBe(130);
      expect(stats.balanceChecks.throttled).toBe(0);
      expect(stats.balanceChecks.maxInWindow).toBeLessThanOrEqual(LIMIT);
      expect(stats.balanceChecks.maxInWindow).toBeGreaterThan(LIMIT / 2);

      // What Giftdesk recorded is what the provider said, card by card.
      const readings = new Map<string, number>();
      for (const cardId of cardIds) {
        const card = core.cards.get(cardId)!;
        const sandboxSaid = stats.balancesAnswered[card.number!]!;
        const view = core.app.balances.card(actor, cardId);
        expect(view.history).toHaveLength(1);
        expect(view.history[0]).toMatchObject({ outcome: 'answered', balanceCents: sandboxSaid.balanceCents, status: sandboxSaid.status });
        expect(view.expiryDate).toBe(sandboxSaid.expiry.slice(0, 10));
        readings.set(view.reading.reading, (readings.get(view.reading.reading) ?? 0) + 1);
      }
      // The sandbox spends its cards as its seed says: a real mix.
      for (const r of ['unused', 'partly-used', 'spent']) expect(readings.get(r) ?? 0).toBeGreaterThan(5);
    } finally {
      await core.close();
    }
  }, 60_000);
});
