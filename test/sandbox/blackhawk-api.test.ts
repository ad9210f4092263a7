import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../main/sandbox/card-generator';
import { tempDir } from '../support/temp-dir';
import { bhOrderBody, blackhawk, MovableClock, sandbox } from '../support/sandbox-harness';

const SUBMIT = '/rewardsOrderProcessing/v1/submitEgiftBulk';
const INFO = '/rewardsOrderProcessing/v1/orderInfo/byKeys';
const CODES = '/rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys';

interface EGift { url: string; contentProviderCode: string; amount: number; pin?: string; barCodeValue?: string; cardNumber?: string }
interface Codes { orderNumber: string; quantity: number; orderStatus?: string; eGifts?: EGift[]; clientProgramNumber: number }

describe('sandbox Blackhawk API', () => {
  it('holds a submit open up to millisecondsToWait and answers 201 complete with the orderNumber', async () => {
    const s = await sandbox({ stateDir: tempDir(), processing: { baseMs: 100, perCardMs: 1 } });
    const body = bhOrderBody(s, [{ quantity: '3', amount: '25', contentProvider: 'BestBuy_eGift' }], true);
    const done = await blackhawk(s, 'POST', SUBMIT, { body, requestId: 'req-fast', wait: 15_000 });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ isCompleted: true, percentComplete: 100, success: true, orderNumber: expect.stringMatching(/^\d+$/) });

    const codes = await blackhawk<Codes>(s, 'GET', `${CODES}?orderNumber=${done.body.orderNumber as string}`);
    expect(codes.status).toBe(200);
    expect(codes.body.orderStatus).toBeUndefined();
    expect(codes.body).toMatchObject({ orderNumber: done.body.orderNumber, quantity: 3, clientProgramNumber: Number(s.clientProgramNumber) });
    for (const g of codes.body.eGifts!) {
      expect(g).toMatchObject({ contentProviderCode: 'BestBuy_eGift', amount: 25 });
      expect(g.url).toMatch(/^https:\/\/.+eid=[0-9A-Z]{26}$/);
      expect(isLuhnValid(g.cardNumber!)).toBe(true);
      expect(g.pin).toMatch(/^\d{4}$/);
      expect(g.barCodeValue).toBeTruthy();
    }
    expect(new Set(codes.body.eGifts!.map((g) => g.cardNumber)).size).toBe(3);
  });

  it('goes asynchronous (202 with percentComplete), shows Funding Hold without eGifts, then the URLs only', async () => {
    const clock = new MovableClock();
    const s = await sandbox({ stateDir: tempDir(), clock, processing: { baseMs: 20_000, perCardMs: 10 } });
    const body = bhOrderBody(s, [{ quantity: 2, amount: 10, contentProvider: 'Starbucks_eGift' }, { quantity: 1, amount: '100.00', contentProvider: 'Amazon_eGift' }]);
    const slow = await blackhawk(s, 'POST', SUBMIT, { body, requestId: 'req-slow', wait: 0 });
    expect(slow.status).toBe(202);
    expect(slow.body).toMatchObject({ isCompleted: false, success: false, percentComplete: expect.any(Number) });
    expect(slow.body.orderNumber).toBeUndefined();

    const info = await blackhawk(s, 'GET', `${INFO}?requestId=req-slow&clientProgramNumber=${s.clientProgramNumber}`);
    expect(info.body).toMatchObject({ requestId: 'req-slow', orderStatus: 'Funding Hold', numberOfCards: 3, orderErrorList: [] });
    const orderNumber = info.body.orderNumber as string;
    const hold = await blackhawk<Codes>(s, 'GET', `${CODES}?orderNumber=${orderNumber}`);
    expect(hold.body).toEqual({ clientProgramNumber: Number(s.clientProgramNumber), orderNumber, orderStatus: 'Funding Hold', quantity: 0 });

    // Funding Posted does not mean the codes are ready.
    clock.advance(6_000);
    expect((await blackhawk<Codes>(s, 'GET', `${CODES}?orderNumber=${orderNumber}`)).body).toMatchObject({ orderStatus: 'Funding Posted', quantity: 0 });
    clock.advance(6_000);
    expect((await blackhawk(s, 'GET', `${INFO}?orderNumber=${orderNumber}`)).body).toMatchObject({ orderStatus: 'In Process' });
    expect((await blackhawk<Codes>(s, 'GET', `${CODES}?orderNumber=${orderNumber}`)).body.eGifts).toBeUndefined();
    clock.advance(9_000);
    expect((await blackhawk(s, 'GET', `${INFO}?orderNumber=${orderNumber}`)).body).toMatchObject({ orderStatus: 'Complete' });
    const ready = await blackhawk<Codes>(s, 'GET', `${CODES}?orderNumber=${orderNumber}`);
    expect(ready.body.eGifts!.map((g) => [g.contentProviderCode, g.amount])).toEqual([['Starbucks_eGift', 10], ['Starbucks_eGift', 10], ['Amazon_eGift', 100]]);
    expect(ready.body.eGifts!.every((g) => g.pin === undefined && g.cardNumber === undefined && g.url.startsWith('https://'))).toBe(true);
  });

  it('answers a retried requestId about the same order, never a second one', async () => {
    const s = await sandbox({ stateDir: tempDir(), processing: { baseMs: 30_000 } });
    const body = bhOrderBody(s, [{ quantity: 5, amount: 25, contentProvider: 'BestBuy_eGift' }]);
    const first = await blackhawk(s, 'POST', SUBMIT, { body, requestId: 'req-retry', wait: 0 });
    const second = await blackhawk(s, 'POST', SUBMIT, { body, requestId: 'req-retry', wait: 0 });
    expect(second.status).toBe(202);
    expect(second.body.transactionId).toBe(first.body.transactionId);
    expect(s.stats().ordersByReference).toEqual({ 'req-retry': 1 });
    expect(s.stats().submitsByReference).toEqual({ 'req-retry': 2 });
  });

  it('answers not-found, invalid products and amounts, and a wrong merchant with Blackhawk error bodies', async () => {
    const s = await sandbox({ stateDir: tempDir() });
    const missing = await blackhawk(s, 'GET', `${INFO}?orderNumber=999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: [{ errorCode: 'eGiftBulk.order.not.found', message: expect.any(String) }] });
    expect((await blackhawk(s, 'GET', `${INFO}?requestId=nope&clientProgramNumber=${s.clientProgramNumber}`)).status).toBe(404);
    expect((await blackhawk(s, 'GET', `${CODES}?orderNumber=999`)).body).toMatchObject({ errors: [{ errorCode: 'eGiftBulk.order.not.found' }] });

    const errorCode = async (line: { quantity: number | string; amount: number | string; contentProvider: string }, requestId: string) => {
      const r = await blackhawk<{ errors: { errorCode: string }[] }>(s, 'POST', SUBMIT, { body: bhOrderBody(s, [line]), requestId, wait: 0 });
      expect(r.status).toBe(400);
      return r.body.errors[0]!.errorCode;
    };
    expect(await errorCode({ quantity: 1, amount: 25, contentProvider: 'Nope_eGift' }, 'e1')).toBe('orderDetails.contentProvider.invalid');
    expect(await errorCode({ quantity: 1, amount: '25.50', contentProvider: 'BestBuy_eGift' }, 'e2')).toBe('orderDetails.amount.invalid');
    expect(await errorCode({ quantity: 1, amount: 0, contentProvider: 'BestBuy_eGift' }, 'e3')).toBe('orderDetails.amount.invalid');
    expect(await errorCode({ quantity: 1, amount: 501, contentProvider: 'BestBuy_eGift' }, 'e4')).toBe('orderDetails.amount.invalid');
    expect(await errorCode({ quantity: 1, amount: 7, contentProvider: 'Starbucks_eGift' }, 'e5')).toBe('orderDetails.amount.invalid');
    expect(await errorCode({ quantity: 0, amount: 25, contentProvider: 'BestBuy_eGift' }, 'e6')).toBe('orderDetails.quantity.invalid');

    const stranger = await blackhawk(s, 'POST', SUBMIT, { body: bhOrderBody(s, [{ quantity: 1, amount: 25, contentProvider: 'BestBuy_eGift' }]), requestId: 'e7', merchantId: '1234' });
    expect(stranger.status).toBe(401);
    expect(stranger.body).toMatchObject({ errors: [{ errorCode: 'merchantId.invalid' }] });
    const longId = await blackhawk(s, 'POST', SUBMIT, { body: {}, requestId: 'x'.repeat(51) });
    expect(longId.body).toMatchObject({ errors: [{ errorCode: 'requestId.invalid' }] });
    expect(s.stats().orders).toEqual([]);
  });

  it('lists a catalog with value restrictions that the submit enforces', async () => {
    const s = await sandbox({ stateDir: tempDir() });
    const catalog = await blackhawk<{ products: { contentProviderCode: string; valueRestrictions: { minimum: number; maximum: number; exclusivelyAllowedValues: number[] } }[] }>(
      s,
      'GET',
      '/rewardsCatalogProcessing/v1/clientProgram/byKey',
    );
    expect(catalog.status).toBe(200);
    const starbucks = catalog.body.products.find((p) => p.contentProviderCode === 'Starbucks_eGift');
    expect(starbucks?.valueRestrictions.exclusivelyAllowedValues).toContain(25);
    for (const p of catalog.body.products) {
      const ok = await blackhawk(s, 'POST', SUBMIT, {
        body: bhOrderBody(s, [{ quantity: 1, amount: p.valueRestrictions.maximum, contentProvider: p.contentProviderCode }]),
        requestId: `max-${p.contentProviderCode}`,
        wait: 0,
      });
      expect(ok.status).toBe(202);
    }
  });
});
