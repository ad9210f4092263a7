import { describe, expect, it } from 'vitest';
import { DEFAULT_BALANCE_TIMING } from '../../main/core/balances/balance-timing';
import { sweepEtaMs } from '../../main/core/balances/sweep-eta';
import { balanceRule } from '../../main/core/providers/balance-rule';
import { DEFAULT_BALANCE_RATE } from '../../main/sandbox/balance-window';
import { createBalanceWindow } from '../../main/sandbox/balance-window';
import { readCard, readingWords } from '../../shared/balance-reading';
import { formatMoney } from '../../shared/money';
import { jsonLines, runCli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

describe('balance rules', () => {
  it('keeps to the real values where tests shorten them: 50 checks in a 60-second window, on both sides', () => {
    expect(DEFAULT_BALANCE_TIMING.windowMs).toBe(60_000);
    expect(DEFAULT_BALANCE_RATE).toMatchObject({ limit: 50, windowMs: 60_000 });
    expect(balanceRule({ provider: 'wpay', sandboxFlavor: null, balanceRatePerMinute: 50 })).toEqual({ available: true, perMinute: 50 });
    expect(balanceRule({ provider: 'sandbox', sandboxFlavor: 'blackhawk', balanceRatePerMinute: 50 })).toEqual({ available: false, reason: 'balance not available from Blackhawk' });
  });

  it('gives an honest ETA: 1,000 cards at 50 a minute is 20 minutes', () => {
    expect(sweepEtaMs(1_000, 50, 60_000)).toBe(20 * 60_000);
    expect(sweepEtaMs(0, 50, 60_000)).toBe(0);
  });

  it('reads a card from its latest answer and the date', () => {
    const card = { amountCents: 5_000, expiryDate: '2027-01-31' };
    const answered = (balanceCents: number, status = 'ACTIVATED') => ({ outcome: 'answered' as const, balanceCents, status, note: null });
    const words = (r: ReturnType<typeof readCard>) => readingWords(r, (c) => formatMoney(c, 'AUD'));
    expect(words(readCard(card, answered(5_000), '2026-12-01'))).toBe('unused');
    expect(words(readCard(card, answered(1_250), '2026-12-01'))).toBe('partly used (A$12.50 left)');
    expect(words(readCard(card, answered(0), '2026-12-01'))).toBe('spent');
    expect(words(readCard(card, answered(5_000, 'DEACTIVATED'), '2026-12-01'))).toBe('not usable (provider says DEACTIVATED)');
    expect(words(readCard(card, answered(5_000), '2027-02-01'))).toBe('expired');
    expect(words(readCard(card, null, '2026-12-01'))).toBe('unknown (not checked yet)');
    expect(words(readCard(card, { outcome: 'not-available', balanceCents: null, status: null, note: 'balance not available from Blackhawk' }, '2026-12-01'))).toBe(
      'unknown (balance not available from Blackhawk)',
    );
  });

  it('has the sandbox turn away a request over the limit with the time until a slot frees', () => {
    const w = createBalanceWindow({ limit: 3, windowMs: 1_000, spendOverMs: 0 });
    expect([w.arrive(0), w.arrive(100), w.arrive(200)]).toEqual([null, null, null]);
    expect(w.arrive(300)).toEqual({ retryAfterMs: 700 });
    expect(w.arrive(1_101)).toBeNull();
    expect(w.snapshot()).toMatchObject({ requests: 5, throttled: 1, maxInWindow: 4 });
  });

  it('takes the rate as --balance-rate N on account add, and refuses one that is no rate', async () => {
    const dataDir = tempDir();
    const added = await runCli(dataDir, ['--json', 'account', 'add', '--name', 'Shop', '--provider', 'wpay', '--balance-rate', '20'], 'wpay-test-key-0123456789');
    expect(added.code, added.stderr).toBe(0);
    expect(jsonLines(added.stdout)[0]).toMatchObject({ name: 'Shop', balanceRatePerMinute: 20 });
    const bad = await runCli(dataDir, ['account', 'add', '--name', 'Other', '--provider', 'wpay', '--balance-rate', '2.5'], 'wpay-test-key-0123456789');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^balance-rate: /);
  });
});
