import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../main/sandbox/card-generator';
import { tempDir } from '../support/temp-dir';
import { MovableClock, sandbox, wpay, wpayOrderBody } from '../support/sandbox-harness';

interface Card { cardNumber: string; cardPin: string; barcode: string; amount: string; cardId: number; formats: { key: string; value: string }[] }
interface CardsPage { cards: Card[]; total_cards: number; products: Record<string, { name: string }>; currency: { code: string } }

describe('sandbox Wpay API', () => {
  it('takes a batch order, moves it PENDING → PROCESSING → COMPLETE, and pages its cards by multiples of limit', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, processing: { baseMs: 10_000, perCardMs: 10 } });

    const placed = await wpay(s, 'POST', '/orders', wpayOrderBody('ref-batch-1', 250));
    expect(placed.status).toBe(202);
    expect(placed.body).toMatchObject({ status: 'PROCESSING', refno: 'ref-batch-1', cancel: { allowed: true, allowedWithIn: 15 }, currency: { code: 'AUD', numericCode: '036' }, payments: [{ code: 'svc' }] });
    const orderId = placed.body.orderId as string;

    expect((await wpay(s, 'GET', '/order/ref-batch-1/status')).body).toMatchObject({ status: 'PENDING', orderId, refno: 'ref-batch-1' });
    const early = await wpay(s, 'GET', `/order/${orderId}/cards?offset=0&limit=100`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ state: 'PROCESSING' });

    clock.advance(5_000);
    expect((await wpay(s, 'GET', '/order/ref-batch-1/status')).body).toMatchObject({ status: 'PROCESSING' });
    clock.advance(8_000);
    expect((await wpay(s, 'GET', '/order/ref-batch-1/status')).body).toMatchObject({ status: 'COMPLETE', statusLabel: 'Complete' });

    const first = await wpay<CardsPage>(s, 'GET', `/order/${orderId}/cards?offset=0&limit=100`);
    expect(first.status).toBe(200);
    expect(first.body.total_cards).toBe(250);
    expect(first.body.cards).toHaveLength(100);
    expect(first.body.products.WWQ651BHNWSH?.name).toBe('Woolworths eGift Card');
    // Any offset inside a page answers that page: 0–99 with limit 100 is page one.
    const sameAsFirst = await wpay<CardsPage>(s, 'GET', `/order/${orderId}/cards?offset=57&limit=100`);
    expect(sameAsFirst.body.cards.map((c) => c.cardNumber)).toEqual(first.body.cards.map((c) => c.cardNumber));
    const second = await wpay<CardsPage>(s, 'GET', `/order/${orderId}/cards?offset=100&limit=100`);
    const third = await wpay<CardsPage>(s, 'GET', `/order/${orderId}/cards?offset=200&limit=100`);
    expect([second.status, third.status]).toEqual([201, 201]);
    expect(third.body.cards).toHaveLength(50);

    const all = [...first.body.cards, ...second.body.cards, ...third.body.cards];
    expect(new Set(all.map((c) => c.cardNumber)).size).toBe(250);
    for (const c of all) {
      expect(isLuhnValid(c.cardNumber)).toBe(true);
      expect(c.cardNumber).toMatch(/^\d{16,19}$/);
      expect(c.cardPin).toMatch(/^\d{4,}$/);
      expect(c.amount).toBe('5.00');
      expect(c.formats).toEqual([{ key: 'CNONLY', value: c.cardNumber }, { key: 'QCGTINBARCODE-32', value: c.barcode }]);
    }
    // As in the documented example, cardId is not a unique key.
    expect(new Set(all.map((c) => c.cardId)).size).toBeLessThan(all.length);

    const big = await wpay<CardsPage>(s, 'GET', `/order/${orderId}/cards?offset=0&limit=500`);
    expect(big.body.cards.map((c) => c.cardNumber)).toEqual(all.map((c) => c.cardNumber));
    expect((await wpay(s, 'GET', `/order/${orderId}/cards?offset=0&limit=501`)).status).toBe(400);
  });

  it('rejects a repeated refno with 5313 and keeps one order for it', async () => {
    const s = await sandbox({ stateDir: tempDir() });
    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('dup-1', 3))).status).toBe(202);
    const again = await wpay(s, 'POST', '/orders', wpayOrderBody('dup-1', 3));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: '5313', messages: [expect.stringMatching(/duplicate/i)] });
    expect(s.stats().ordersByReference).toEqual({ 'dup-1': 1 });
    expect(s.stats().submitsByReference).toEqual({ 'dup-1': 2 });
  });

  it('answers 401 AP01 to a wrong key on every endpoint and takes nothing', async () => {
    const s = await sandbox({ stateDir: tempDir() });
    const placed = await wpay(s, 'POST', '/orders', wpayOrderBody('k-1', 1), 'not-the-key');
    expect(placed.status).toBe(401);
    expect(placed.body).toMatchObject({ code: 'AP01' });
    expect((await wpay(s, 'GET', '/sva/balance', undefined, '')).status).toBe(401);
    expect(s.stats().orders).toEqual([]);
  });

  it('answers 6063 when the SVA balance is short, and debits nothing', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { balanceCents: 10_000 } });
    expect((await wpay(s, 'GET', '/sva/balance')).body).toMatchObject({ balance: '100.00', status: 'ACTIVATED' });
    const short = await wpay(s, 'POST', '/orders', wpayOrderBody('poor-1', 30, { price: 5 }));
    expect(short.body).toMatchObject({ code: '6063' });
    expect((await wpay(s, 'GET', '/sva/balance')).body).toMatchObject({ balance: '100.00' });
    expect((await wpay(s, 'GET', '/order/poor-1/status')).body).toMatchObject({ code: '5320' });

    expect((await wpay(s, 'POST', '/orders', wpayOrderBody('ok-1', 4, { price: 5 }))).status).toBe(202);
    expect((await wpay(s, 'GET', '/sva/balance')).body).toMatchObject({ balance: '80.00' });
  });

  it('refuses unknown SKUs, unavailable amounts, mismatched payments and oversize orders with Wpay codes', async () => {
    const s = await sandbox({ stateDir: tempDir() });
    const code = async (body: unknown) => ((await wpay(s, 'POST', '/orders', body)).body as { code: string }).code;
    expect(await code(wpayOrderBody('e1', 1, { sku: 'NOPE' }))).toBe('5310');
    expect(await code(wpayOrderBody('e2', 1, { price: 5.555 }))).toBe('5307');
    expect(await code(wpayOrderBody('e3', 1, { price: 1 }))).toBe('5307');
    expect(await code(wpayOrderBody('e4', 10, { pay: 5 }))).toBe('5036');
    expect(await code({ ...wpayOrderBody('e5', 1), payments: [{ code: 'card', amount: 5 }] })).toBe('5035');
    expect(await code(wpayOrderBody('e6', 25_001))).toBe('5338');
    expect(await code(wpayOrderBody('e7', 11, { syncOnly: true }))).toBe('5321');
    expect((await wpay(s, 'GET', '/order/never-sent/status')).body).toMatchObject({ code: '5320', message: 'Order not available' });
    expect(s.stats().orders).toEqual([]);
  });

  it('answers a quick real-time order 201 COMPLETE with its cards inline, a slow one PROCESSING', async () => {
    const s = await sandbox({ stateDir: tempDir(), processing: { baseMs: 50, perCardMs: 5, realtimeWaitMs: 2_000 } });
    const quick = await wpay<CardsPage & { status: string; orderId: string }>(s, 'POST', '/orders', wpayOrderBody('rt-1', 3, { syncOnly: true }));
    expect(quick.status).toBe(201);
    expect(quick.body.status).toBe('COMPLETE');
    expect(quick.body.cards).toHaveLength(3);
    const fetched = await wpay<CardsPage>(s, 'GET', `/order/${quick.body.orderId}/cards?offset=0&limit=100`);
    expect(fetched.body.cards).toEqual(quick.body.cards);

    const slow = await sandbox({ stateDir: tempDir(), processing: { baseMs: 60_000, realtimeWaitMs: 0 } });
    const answer = await wpay(slow, 'POST', '/orders', wpayOrderBody('rt-2', 2, { syncOnly: true }));
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: 'PROCESSING' });
  });

  it('reverses an order inside its window (then 200 already cancelled, cards 410), and refuses one outside it', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, faults: { balanceCents: 100_000 } });
    const placed = await wpay(s, 'POST', '/orders', wpayOrderBody('rev-1', 10));
    expect((await wpay(s, 'GET', '/sva/balance')).body).toMatchObject({ balance: '950.00' });
    const reversed = await wpay(s, 'POST', '/orders/reverse', { refno: 'rev-1' });
    expect(reversed.status).toBe(202);
    expect((await wpay(s, 'POST', '/orders/reverse', { refno: 'rev-1' })).status).toBe(200);
    expect((await wpay(s, 'GET', '/order/rev-1/status')).body).toMatchObject({ status: 'CANCELED', cancel: { allowed: false } });
    expect((await wpay(s, 'GET', '/sva/balance')).body).toMatchObject({ balance: '1000.00' });
    clock.advance(60_000);
    expect((await wpay(s, 'GET', `/order/${placed.body.orderId as string}/cards?offset=0&limit=100`)).status).toBe(410);

    await wpay(s, 'POST', '/orders', wpayOrderBody('rev-2', 1));
    clock.advance(16 * 60_000);
    const late = await wpay(s, 'POST', '/orders/reverse', { refno: 'rev-2' });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ code: '10467', message: 'Reverse allowed within 15 Minutes' });
    expect((await wpay(s, 'POST', '/orders/reverse', { refno: 'nope' })).body).toMatchObject({ code: '5320' });
  });
});
