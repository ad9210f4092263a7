import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { bhOrderBody, blackhawk, MovableClock, sandbox, wpay, wpayOrderBody } from '../support/sandbox-harness';

describe('sandbox fault knobs', () => {
  it('answers about the set fraction of requests with a 5xx, in provider JSON or a proxy HTML page', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { errorRate: 0.3, seed: 7 } });
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await fetch(`${s.url}/v1/partner/giftcards/sva/balance`, { headers: { 'x-api-key': s.apiKey } });
      statuses.push(r.status);
      bodies.push(await r.text());
    }
    const failed = statuses.filter((st) => st >= 500).length;
    expect(failed / 300).toBeGreaterThan(0.2);
    expect(failed / 300).toBeLessThan(0.4);
    expect(statuses.every((st) => st === 200 || st >= 500)).toBe(true);
    expect(bodies.some((b) => b.startsWith('<html>'))).toBe(true);
    expect(bodies.some((b) => b.includes('"code":"5321"') || b.includes('"code":"6053"'))).toBe(true);
    expect(s.stats().faultsInjected.errors).toBe(failed);
    expect(s.stats().requests['GET /v1/partner/giftcards/sva/balance']).toBe(300);
  });

  it('takes some submits before answering 5xx and refuses others outright; status by refno tells which', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { errorRate: 1, seed: 3 } });
    for (let i = 0; i < 30; i++) {
      expect((await wpay(s, 'POST', '/orders', wpayOrderBody(`flaky-${i}`, 1))).status).toBeGreaterThanOrEqual(500);
    }
    const taken = s.stats().orders.map((o) => o.reference);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(30);
    expect(s.stats().faultsInjected.errorsAfterAccept).toBe(taken.length);

    s.setFaults({ errorRate: 0 });
    for (let i = 0; i < 30; i++) {
      const status = await wpay(s, 'GET', `/order/flaky-${i}/status`);
      expect(status.body).toMatchObject(taken.includes(`flaky-${i}`) ? { refno: `flaky-${i}` } : { code: '5320' });
    }
  });

  it('answers 429 with a Retry-After in seconds', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { rate429: 1, retryAfterSeconds: 7 } });
    const w = await wpay(s, 'GET', '/sva/balance');
    expect(w.status).toBe(429);
    expect(w.headers.get('retry-after')).toBe('7');
    const b = await blackhawk(s, 'GET', '/rewardsCatalogProcessing/v1/clientProgram/byKey');
    expect(b.status).toBe(429);
    expect(b.body).toMatchObject({ errors: [{ errorCode: 'rate.limit.exceeded' }] });
    expect(s.stats().faultsInjected.throttled).toBe(2);
  });

  it('drops the answer after taking the order: the caller gets a broken connection, the sandbox exactly one order', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { dropAfterAcceptRate: 1 } });
    await expect(wpay(s, 'POST', '/orders', wpayOrderBody('drop-1', 2))).rejects.toThrow();
    await expect(
      blackhawk(s, 'POST', '/rewardsOrderProcessing/v1/submitEgiftBulk', {
        body: bhOrderBody(s, [{ quantity: 2, amount: 25, contentProvider: 'BestBuy_eGift' }]),
        requestId: 'drop-bh',
        wait: 0,
      }),
    ).rejects.toThrow();
    // A retry of each: Wpay refuses the refno (the order exists), Blackhawk's same requestId finds the same order.
    s.setFaults({ dropAfterAcceptRate: 0 });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('drop-1', 2))).body).toMatchObject({ code: '5313' });
    expect((await blackhawk(s, 'POST', '/rewardsOrderProcessing/v1/submitEgiftBulk', { body: {}, requestId: 'drop-bh', wait: 0 })).status).toBe(202);
    expect(s.stats().ordersByReference).toEqual({ 'drop-1': 1, 'drop-bh': 1 });
    expect(s.stats().faultsInjected.dropped).toBe(2);
    // An invalid submit takes nothing, so there is nothing to drop: it is answered.
    s.setFaults({ dropAfterAcceptRate: 1 });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('drop-2', 1, { sku: 'NOPE' }))).body).toMatchObject({ code: '5310' });
  });

  it('delays answers by latencyMs, plus spikes at their rate, through the injected clock', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, faults: { latencyMs: 60, latencySpikeRate: 0.5, latencySpikeMs: 100, seed: 11 } });
    const started = Date.now();
    for (let i = 0; i < 10; i++) expect((await wpay(s, 'GET', '/sva/balance')).status).toBe(200);
    const spikes = s.stats().faultsInjected.spikes;
    expect(spikes).toBeGreaterThan(0);
    expect(spikes).toBeLessThan(10);
    expect(clock.sleeps.filter((ms) => ms === 160)).toHaveLength(spikes);
    expect(clock.sleeps.filter((ms) => ms === 60)).toHaveLength(10 - spikes);
    // Lower bound only: the waits really happened.
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 * 60 + spikes * 100 - 20);
  });

  it('repeats the same fault pattern for the same seed', async () => {
    const pattern = async () => {
      const s = await sandbox({ stateDir: tempDir(), faults: { errorRate: 0.5, rate429: 0.2, seed: 42 } });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await wpay(s, 'GET', '/sva/balance')).status);
      return out;
    };
    const a = await pattern();
    expect(new Set(a).size).toBeGreaterThan(2);
    expect(await pattern()).toEqual(a);
  });

  it('is switched at runtime through /__sandbox/faults and reports through /__sandbox/stats', async () => {
    const s = await sandbox({ stateDir: tempDir() });
    const put = await fetch(`${s.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ rate429: 1, retryAfterSeconds: 3, balanceCents: 500 }) });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ rate429: 1, retryAfterSeconds: 3, balanceCents: 500, errorRate: 0 });
    expect((await wpay(s, 'GET', '/sva/balance')).status).toBe(429);
    const bad = await fetch(`${s.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ errorRate: 2 }) });
    expect(bad.status).toBe(400);
    expect(s.faults().errorRate).toBe(0);

    await fetch(`${s.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ rate429: 0 }) });
    expect((await wpay(s, 'GET', '/sva/balance')).body).toMatchObject({ balance: '5.00' });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('admin-1', 1))).status).toBe(202);
    const stats = (await (await fetch(`${s.url}/__sandbox/stats`)).json()) as { ordersByReference: Record<string, number>; requests: Record<string, number>; balanceCents: number };
    expect(stats.ordersByReference).toEqual({ 'admin-1': 1 });
    expect(stats.requests['GET /v1/partner/giftcards/sva/balance']).toBe(2);
    expect(stats.balanceCents).toBe(0);
    expect(JSON.stringify(stats)).not.toContain(s.apiKey);
  });
});

describe('sandbox card and lookup faults', () => {
  const cardsOf = (s: Parameters<typeof wpay>[0], orderId: string) => wpay<{ cards: unknown[]; total_cards: number }>(s, 'GET', `/order/${orderId}/cards?offset=0&limit=100`);

  async function completeWpayOrder(s: Parameters<typeof wpay>[0], clock: MovableClock, refno: string, qty: number): Promise<string> {
    const placed = await wpay<{ orderId: string }>(s, 'POST', '/orders', wpayOrderBody(refno, qty));
    clock.advance(60_000);
    return placed.body.orderId;
  }

  it('short pages miss their last cards while the provider still counts them all', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, faults: { shortPageRate: 1 } });
    const orderId = await completeWpayOrder(s, clock, 'short-1', 30);
    const page = await cardsOf(s, orderId);
    expect([page.status, page.body.cards.length, page.body.total_cards]).toEqual([200, 27, 30]);

    const bh = await blackhawk<{ orderNumber: string }>(s, 'POST', '/rewardsOrderProcessing/v1/submitEgiftBulk', {
      body: bhOrderBody(s, [{ quantity: 20, amount: 25, contentProvider: 'BestBuy_eGift' }]),
      requestId: 'short-bh',
      wait: 0,
    });
    expect(bh.status).toBe(202);
    clock.advance(60_000);
    const info = await blackhawk<{ orderNumber: string }>(s, 'GET', `/rewardsOrderProcessing/v1/orderInfo/byKeys?requestId=short-bh&clientProgramNumber=${s.clientProgramNumber}`);
    const codes = await blackhawk<{ quantity: number; eGifts: unknown[] }>(s, 'GET', `/rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys?orderNumber=${info.body.orderNumber}`);
    expect([codes.body.quantity, codes.body.eGifts.length]).toEqual([20, 18]);
    expect(s.stats().faultsInjected.shortPages).toBe(2);
  });

  it('answers 409 for cards still activating, then 410 once it cancels the order during the fetch', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, faults: { notReadyRate: 1 } });
    const orderId = await completeWpayOrder(s, clock, 'late-1', 5);
    expect((await wpay(s, 'GET', '/order/late-1/status')).body).toMatchObject({ status: 'COMPLETE' });
    expect(await cardsOf(s, orderId)).toMatchObject({ status: 409, body: { state: 'PROCESSING' } });

    s.setFaults({ cancelInFetchRate: 1 });
    expect(await cardsOf(s, orderId)).toMatchObject({ status: 410, body: { state: 'CANCELED' } });
    s.setFaults({ notReadyRate: 0, cancelInFetchRate: 0 });
    // The cancellation is the provider's own now: it stays.
    expect((await cardsOf(s, orderId)).status).toBe(410);
    expect((await wpay(s, 'GET', '/order/late-1/status')).body).toMatchObject({ status: 'CANCELED' });
    expect(s.stats().faultsInjected).toMatchObject({ notReady: 1, cancelledInFetch: 1 });
  });

  it('refuses status checks of orders it holds, and still says "not available" of ones it never saw', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { refuseStatusRate: 1 } });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('held-1', 2))).status).toBe(202);
    expect(await wpay(s, 'GET', '/order/held-1/status')).toMatchObject({ status: 401, body: { code: 'AP01' } });
    expect(await wpay(s, 'GET', '/order/never-1/status')).toMatchObject({ status: 400, body: { code: '5320' } });
    expect(s.stats().calls['held-1']).toEqual([
      { call: 'submit', outcome: 'taken', answered: true },
      { call: 'lookup', outcome: 'refused', answered: true },
    ]);
    expect(s.stats().calls['never-1']).toEqual([{ call: 'lookup', outcome: 'not-found', answered: true }]);
  });

  it('answers 5313 for a refno it never saw from us, keeping the other order that has it', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { foreignReferenceRate: 1 } });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('taken-elsewhere', 3))).body).toMatchObject({ code: '5313' });
    s.setFaults({ foreignReferenceRate: 0 });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('taken-elsewhere', 3))).body).toMatchObject({ code: '5313' });
    expect((await wpay(s, 'GET', '/order/taken-elsewhere/status')).status).toBe(200);
    const { orders, calls } = s.stats();
    expect(orders.map((o) => [o.reference, o.quantity])).toEqual([['taken-elsewhere', 4]]);
    expect(calls['taken-elsewhere']).toEqual([
      { call: 'submit', outcome: 'foreign', answered: true },
      { call: 'submit', outcome: 'foreign', answered: true },
      { call: 'lookup', outcome: 'found', answered: true },
    ]);
  });

  it('logs each submit and lookup with what the caller was told, a withheld answer included', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { rate429: 1 } });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('log-1', 1))).status).toBe(429);
    s.setFaults({ rate429: 0, dropAfterAcceptRate: 1 });
    await expect(wpay(s, 'POST', '/orders', wpayOrderBody('log-1', 1))).rejects.toThrow();
    s.setFaults({ dropAfterAcceptRate: 0 });
    expect((await wpay(s, 'GET', '/order/log-1/status')).status).toBe(200);
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('log-1', 1))).body).toMatchObject({ code: '5313' });
    expect(s.stats().calls['log-1']).toEqual([
      { call: 'submit', outcome: 'throttled', answered: true },
      { call: 'submit', outcome: 'taken', answered: false },
      { call: 'lookup', outcome: 'found', answered: true },
      { call: 'submit', outcome: 'duplicate', answered: true },
    ]);
  });
});
