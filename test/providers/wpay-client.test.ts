import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient, WPAY_BATCH_MAX_CARDS, WPAY_REALTIME_MAX_CARDS } from '../../main/core/providers/create-provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import { account, recordingClock, rejection } from '../support/provider-fixtures';
import { startStubServer, type StubHandler } from '../support/stub-server';

// What the Wpay client sends and how it reads Wpay's answers, over real HTTP.

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function wpay(handler: StubHandler) {
  const server = await startStubServer(handler);
  servers.push(server);
  return { server, client: createProviderClient(account('wpay', server.url), { apiKey: 'key-abc-123' }, { clock: recordingClock() }) };
}

const card = (n: number, extra: Record<string, unknown> = {}) => ({
  sku: 'WWQ651BHNWSH',
  productName: 'Woolworths eGift Card',
  cardNumber: `62800000000000${String(n).padStart(5, '0')}`,
  cardPin: String(1000 + n),
  activationCode: null,
  barcode: null,
  activationUrl: null,
  formats: [{ key: 'CNONLY', value: 'x' }, { key: 'QCGTINBARCODE-32', value: `BAR${n}` }],
  amount: '25.50',
  validity: '2030-01-01T00:00:00+00:00',
  cardId: 1,
  ...extra,
});

describe('placing an order', () => {
  it('sends a batch order with the SVA payment equal to the total and AUD as 036', async () => {
    const { client, server } = await wpay(() => ({ status: 202, body: { status: 'PROCESSING', orderId: 'AAN7', refno: 'r-1' } }));
    await client.submit({
      reference: 'r-1',
      lines: [
        { sku: 'SKU-A', faceValueCents: 2550, quantity: 3 },
        { sku: 'SKU-B', faceValueCents: 10_000, quantity: 2 },
      ],
      currency: 'AUD',
      realtime: false,
    });
    const sent = server.seen[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/partner/giftcards/orders');
    expect(sent.headers['x-api-key']).toBe('key-abc-123');
    expect(JSON.parse(sent.body)).toEqual({
      payments: [{ code: 'svc', amount: 276.5 }],
      products: [
        { sku: 'SKU-A', price: 25.5, qty: 3, currency: '036' },
        { sku: 'SKU-B', price: 100, qty: 2, currency: '036' },
      ],
      refno: 'r-1',
      syncOnly: false,
    });
  });

  it('a real-time order answered COMPLETE brings its cards inline', async () => {
    const { client, server } = await wpay(() => ({
      status: 201,
      body: { status: 'COMPLETE', orderId: 'AAN8', refno: 'r-2', cards: [card(1), card(2)], total_cards: 2 },
    }));
    const result = await client.submit({ reference: 'r-2', lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2550, quantity: 2 }], currency: 'AUD', realtime: true });
    expect(JSON.parse(server.seen[0]!.body)).toMatchObject({ syncOnly: true });
    expect(result.status).toMatchObject({ phase: 'complete', providerOrderId: 'AAN8', totalCards: 2 });
    expect(result.cards?.map((c) => [c.providerKey, c.pin, c.barcode, c.amountCents])).toEqual([
      ['6280000000000000001', '1001', 'BAR1', 2550],
      ['6280000000000000002', '1002', 'BAR2', 2550],
    ]);
  });

  it('a real-time order answered PROCESSING carries on as a batch order', async () => {
    const { client } = await wpay(() => ({ status: 202, body: { status: 'PROCESSING', orderId: 'AAN9', refno: 'r-3' } }));
    const result = await client.submit({ reference: 'r-3', lines: [{ sku: 'S', faceValueCents: 500, quantity: 5 }], currency: 'AUD', realtime: true });
    expect(result).toEqual({ status: expect.objectContaining({ phase: 'processing', providerOrderId: 'AAN9' }), cards: null, currency: null });
  });

  it('refuses, without sending, orders past the limits', async () => {
    const { client, server } = await wpay(() => ({ status: 500 }));
    const tooManyRealtime = { reference: 'r', lines: [{ sku: 'S', faceValueCents: 500, quantity: WPAY_REALTIME_MAX_CARDS + 1 }], currency: 'AUD', realtime: true };
    const tooManyBatch = { ...tooManyRealtime, lines: [{ sku: 'S', faceValueCents: 500, quantity: WPAY_BATCH_MAX_CARDS + 1 }], realtime: false };
    const longRef = { ...tooManyRealtime, reference: 'x'.repeat(56), lines: [{ sku: 'S', faceValueCents: 500, quantity: 1 }] };
    const noCurrency = { ...longRef, reference: 'r', currency: 'XYZ' };
    for (const order of [tooManyRealtime, tooManyBatch, longRef, noCurrency]) {
      const e = await rejection(client.submit(order));
      expect(e).toBeInstanceOf(ProviderError);
      expect(e).toMatchObject({ errorClass: 'fatal', httpStatus: null });
    }
    expect(server.seen).toHaveLength(0);
  });
});

describe('retrieving cards', () => {
  it('plans pages of 100, or 500 above 100 cards, with offsets that are multiples of the limit', async () => {
    const { client } = await wpay(() => ({ status: 200, body: {} }));
    expect(client.planPages(100)).toEqual([{ offset: 0, limit: 100 }]);
    expect(client.planPages(101)).toEqual([{ offset: 0, limit: 500 }]);
    expect(client.planPages(1200)).toEqual([
      { offset: 0, limit: 500 },
      { offset: 500, limit: 500 },
      { offset: 1000, limit: 500 },
    ]);
    expect(client.planPages(25_000)).toHaveLength(50);
  });

  it('asks for the page by orderId, offset and limit, and accepts a 201 for later pages', async () => {
    const { client, server } = await wpay(() => ({ status: 201, body: { cards: [card(501)], total_cards: 1200 } }));
    const page = await client.fetchCards('AAN 1/2', { offset: 500, limit: 500 });
    expect(server.seen[0]!.path).toBe('/v1/partner/giftcards/order/AAN%201%2F2/cards');
    expect(Object.fromEntries(server.seen[0]!.query)).toEqual({ offset: '500', limit: '500' });
    expect(page).toMatchObject({ state: 'ready', totalCards: 1200 });
  });

  it('refuses an offset that is not a multiple of the limit, without sending', async () => {
    const { client, server } = await wpay(() => ({ status: 200, body: { cards: [] } }));
    await expect(client.fetchCards('AAN1', { offset: 50, limit: 100 })).rejects.toThrow(/not a multiple of limit/);
    expect(server.seen).toHaveLength(0);
  });

  it('409 is not ready yet, 410 is cancelled', async () => {
    const { client } = await wpay((req) => (req.query.get('offset') === '0' ? { status: 409, body: { state: 'PROCESSING' } } : { status: 410, body: '' }));
    expect(await client.fetchCards('AAN1', { offset: 0, limit: 100 })).toEqual({ state: 'not-ready', label: 'PROCESSING' });
    expect(await client.fetchCards('AAN1', { offset: 100, limit: 100 })).toEqual({ state: 'cancelled', label: 'Cancelled' });
  });

  it('keys cards by card number, falls back to a barcode format, and keeps unknown fields in raw', async () => {
    const { client } = await wpay(() => ({ status: 200, body: { cards: [card(7, { barcode: '', newField: { a: 1 } })] } }));
    const page = await client.fetchCards('AAN1', { offset: 0, limit: 100 });
    if (page.state !== 'ready') throw new Error(page.state);
    const c = page.cards[0]!;
    expect(c.providerKey).toBe(c.number);
    expect(c.barcode).toBe('BAR7');
    expect(JSON.parse(c.raw)).toMatchObject({ newField: { a: 1 }, cardId: 1 });
  });
});

describe('status, balance and reversal', () => {
  it('maps Wpay status words to phases and keeps the cancel window', async () => {
    const words: Record<string, string> = { PENDING: 'pending', PROCESSING: 'processing', COMPLETE: 'complete', CANCELED: 'cancelled', SOMETHING_NEW: 'unknown' };
    for (const [word, phase] of Object.entries(words)) {
      const { client } = await wpay(() => ({ status: 200, body: { status: word, orderId: 'A1', refno: 'r', cancel: { allowed: 'true', allowedWithIn: '15' } } }));
      expect(await client.status({ reference: 'r', providerOrderId: 'A1' })).toMatchObject({ phase, label: word, cancel: { allowed: true, withinMinutes: 15 } });
    }
  });

  it('reverses by refno: 202 accepted, 200 already cancelled', async () => {
    let n = 0;
    const { client, server } = await wpay(() => (n++ === 0 ? { status: 202, body: { message: 'Reversal in progress' } } : { status: 200, body: {} }));
    expect(await client.cancel({ reference: 'r-9', providerOrderId: 'A9' })).toEqual({ accepted: true, message: 'Reversal in progress' });
    expect(await client.cancel({ reference: 'r-9', providerOrderId: 'A9' })).toEqual({ accepted: true, message: 'Order already cancelled' });
    expect(server.seen.map((r) => [r.path, JSON.parse(r.body)])).toEqual([
      ['/v1/partner/giftcards/orders/reverse', { refno: 'r-9' }],
      ['/v1/partner/giftcards/orders/reverse', { refno: 'r-9' }],
    ]);
  });

  it('a reversal outside its window is fatal with the provider words', async () => {
    const { client } = await wpay(() => ({ status: 400, body: { code: 10467, message: 'Reverse allowed within 15 Minutes' } }));
    expect(await rejection(client.cancel({ reference: 'r', providerOrderId: null }))).toMatchObject({
      errorClass: 'fatal',
      providerMessage: 'Reverse allowed within 15 Minutes',
    });
  });

  it('has no catalog call', async () => {
    const { client } = await wpay(() => ({ status: 200 }));
    expect(await client.catalog()).toBeNull();
  });
});
