import { afterEach, describe, expect, it } from 'vitest';
import { BLACKHAWK_MAX_CARDS, createProviderClient } from '../../main/core/providers/create-provider-client';
import { account, recordingClock, rejection } from '../support/provider-fixtures';
import { startStubServer, type StubHandler } from '../support/stub-server';

// What the Blackhawk client sends and how it reads Blackhawk's answers, over real HTTP (TLS is in blackhawk-mtls).

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function blackhawk(handler: StubHandler, msToWait?: number) {
  const server = await startStubServer(handler);
  servers.push(server);
  const acct = account('sandbox', server.url, { sandboxFlavor: 'blackhawk', merchantId: 'M-1', clientProgramNumber: '43251304' });
  const client = createProviderClient(acct, {}, { clock: recordingClock(), blackhawkMillisecondsToWait: msToWait });
  return { server, client };
}

const ORDER = {
  reference: 'order-2026-11-22-0001',
  lines: [
    { sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: 3 },
    { sku: 'Amazon_eGift', faceValueCents: 1050, quantity: 1 },
  ],
  currency: 'USD',
  realtime: false,
};

describe('submitEgiftBulk', () => {
  it('sends merchantId, requestId = the reference, millisecondsToWait 15000 by default, and asks for numbers and PINs', async () => {
    const { client, server } = await blackhawk(() => ({ status: 202, body: { transactionId: 'T', isCompleted: 'false', percentComplete: '10', success: 'false' } }));
    const result = await client.submit(ORDER);
    const sent = server.seen[0]!;
    expect(sent.path).toBe('/rewardsOrderProcessing/v1/submitEgiftBulk');
    expect(sent.headers).toMatchObject({ merchantid: 'M-1', requestid: ORDER.reference, millisecondstowait: '15000' });
    expect(JSON.parse(sent.body)).toEqual({
      clientProgramNumber: '43251304',
      returnCardNumberAndPIN: true,
      orderDetails: [
        { quantity: 3, amount: 25, contentProvider: 'BestBuy_eGift' },
        { quantity: 1, amount: 10.5, contentProvider: 'Amazon_eGift' },
      ],
    });
    expect(result.status).toMatchObject({ phase: 'processing', percentComplete: 10, providerOrderId: null });
  });

  it('passes a configured millisecondsToWait, bounded to 30000', async () => {
    const { client, server } = await blackhawk(() => ({ status: 201, body: { isCompleted: true, success: true, orderNumber: 9 } }), 90_000);
    expect((await client.submit(ORDER)).status).toMatchObject({ phase: 'complete', providerOrderId: '9' });
    expect(server.seen[0]!.headers.millisecondstowait).toBe('30000');
  });

  it('a completed but unsuccessful submit is failed', async () => {
    const { client } = await blackhawk(() => ({ status: 201, body: { isCompleted: true, percentComplete: 100, success: false } }));
    expect((await client.submit(ORDER)).status.phase).toBe('failed');
  });

  it('refuses, without sending, a requestId over 50 characters or more than 5,000 cards', async () => {
    const { client, server } = await blackhawk(() => ({ status: 500 }));
    await expect(client.submit({ ...ORDER, reference: 'r'.repeat(51) })).rejects.toMatchObject({ errorClass: 'fatal' });
    await expect(client.submit({ ...ORDER, lines: [{ sku: 'X', faceValueCents: 500, quantity: BLACKHAWK_MAX_CARDS + 1 }] })).rejects.toMatchObject({ errorClass: 'fatal' });
    expect(server.seen).toHaveLength(0);
  });
});

describe('orderInfo', () => {
  it('finds an order by requestId and clientProgramNumber, each call with a fresh requestId header', async () => {
    const { client, server } = await blackhawk(() => ({ status: 200, body: { orderNumber: '401', requestId: ORDER.reference, orderStatus: 'Funding Posted', numberOfCards: 4 } }));
    expect(await client.findByReference(ORDER.reference)).toMatchObject({ phase: 'processing', label: 'Funding Posted', providerOrderId: '401', totalCards: 4 });
    await client.findByReference(ORDER.reference);
    const [a, b] = server.seen;
    expect(Object.fromEntries(a!.query)).toEqual({ requestId: ORDER.reference, clientProgramNumber: '43251304' });
    expect(a!.headers.requestid).not.toBe(b!.headers.requestid);
    expect(a!.headers.requestid).not.toBe(ORDER.reference);
  });

  it('an order Blackhawk does not know: findByReference is null, status is not-found', async () => {
    const { client } = await blackhawk(() => ({ status: 404, body: { errors: [{ errorCode: 'eGiftBulk.order.not.found', message: 'Order not found' }] } }));
    expect(await client.findByReference('nope')).toBeNull();
    expect(await rejection(client.status({ reference: 'nope', providerOrderId: '1' }))).toMatchObject({ errorClass: 'not-found', providerCode: 'eGiftBulk.order.not.found' });
  });

  it('an empty list is no order', async () => {
    const { client } = await blackhawk(() => ({ status: 200, body: [] }));
    expect(await client.findByReference('nope')).toBeNull();
  });

  it('maps the orderStatus words of providers.md to phases', async () => {
    const expected: Record<string, string> = {
      Complete: 'complete',
      Shipped: 'complete',
      Cancelled: 'cancelled',
      Declined: 'failed',
      Error: 'failed',
      Failure: 'failed',
      'Settlement Error': 'failed',
      'In Process': 'processing',
      'Funding Hold': 'pending',
      'Funding Posted': 'processing',
      'Successfully Sent To Processor': 'processing',
      Failed: 'failed',
      'Not All Records Funded': 'partial',
      'Not All Records Reversed': 'partial',
      'Not All Records Processed': 'partial',
      'Awaiting Review': 'unknown',
    };
    let word = '';
    const { client, server } = await blackhawk(() => ({ status: 200, body: { orderNumber: '77', orderStatus: word } }));
    for (const [w, phase] of Object.entries(expected)) {
      word = w;
      expect((await client.status({ reference: 'r', providerOrderId: '77' })).phase, w).toBe(phase);
    }
    expect(server.seen[0]!.query.get('orderNumber')).toBe('77');
  });
});

describe('code retrieval', () => {
  it('one request for the whole order', async () => {
    const { client } = await blackhawk(() => ({ status: 200, body: {} }));
    expect(client.planPages(4200)).toEqual([{ offset: 0, limit: 4200 }]);
  });

  it('an empty eGifts list beside an orderStatus is not ready, not an order of no cards', async () => {
    const { client } = await blackhawk(() => ({ status: 200, body: { orderNumber: '5', orderStatus: 'Funding Posted', quantity: 0, eGifts: [] } }));
    expect(await client.fetchCards('5', { offset: 0, limit: 3 })).toEqual({ state: 'not-ready', label: 'Funding Posted' });
  });

  it('an order cancelled before its codes came is cancelled; a declined one is a fatal error', async () => {
    let status = 'Cancelled';
    const { client } = await blackhawk(() => ({ status: 200, body: { orderNumber: '5', orderStatus: status, quantity: 0 } }));
    expect(await client.fetchCards('5', { offset: 0, limit: 1 })).toEqual({ state: 'cancelled', label: 'Cancelled' });
    status = 'Declined';
    expect(await rejection(client.fetchCards('5', { offset: 0, limit: 1 }))).toMatchObject({ errorClass: 'fatal' });
  });
});

describe('what Blackhawk does not offer', () => {
  it('cancel is a fatal error that says whom to ask', async () => {
    const { client, server } = await blackhawk(() => ({ status: 200 }));
    const e = await rejection(client.cancel({ reference: 'r', providerOrderId: '1' }));
    expect(e).toMatchObject({ errorClass: 'fatal' });
    expect((e as Error).message).toContain('Blackhawk has no cancellation API; contact your account manager');
    expect(server.seen).toHaveLength(0);
  });

  it('no balance call', async () => {
    const { client } = await blackhawk(() => ({ status: 200 }));
    expect(await client.balance()).toBeNull();
  });
});
