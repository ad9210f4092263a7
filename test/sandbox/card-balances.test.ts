import { describe, expect, it } from 'vitest';
import { MovableClock, sandbox, wpay, wpayOrderBody } from '../support/sandbox-harness';
import { tempDir } from '../support/temp-dir';

type Card = { cardNumber: string; cardPin: string };

describe('sandbox Wpay card balances', () => {
  it('answers a card balance as Wpay documents it, at most the limit in a window (then 429 with Retry-After), and refuses a wrong PIN', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, processing: { baseMs: 1_000, perCardMs: 0 }, balances: { limit: 2, windowMs: 60_000, spendOverMs: 0 } });
    const placed = await wpay(s, 'POST', '/orders', wpayOrderBody('ref-balance-1', 3, { price: 25 }));
    clock.advance(2_000);
    const cards = (await wpay<{ cards: Card[] }>(s, 'GET', `/order/${placed.body.orderId as string}/cards?offset=0&limit=100`)).body.cards;
    const ask = (c: Card, pin = c.cardPin) => wpay(s, 'POST', '/balance', { cardNumber: c.cardNumber, pin });

    const first = await ask(cards[0]!);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ cardNumber: cards[0]!.cardNumber, currency: { code: 'AUD', numericCode: '036' }, additionalTxnFields: { responseCode: '0' } });
    expect(first.body.balance).toMatch(/^\d+\.\d{2}$/);
    expect(first.body.expiry).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    const wrongPin = await ask(cards[1]!, '0000' === cards[1]!.cardPin ? '1111' : '0000');
    expect(wrongPin.status).toBe(400);
    const third = await ask(cards[2]!);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    clock.advance(60_001);
    expect((await ask(cards[2]!)).status).toBe(200);
    expect(s.stats().balanceChecks).toMatchObject({ limit: 2, requests: 4, throttled: 1, maxInWindow: 3 });
    // Asked again, a card tells the same story: spending follows the seed, not the dice of each request.
    clock.advance(60_001);
    expect((await ask(cards[0]!)).body.balance).toBe(first.body.balance);
  });
});
