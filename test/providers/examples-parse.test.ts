import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderClient } from '../../main/core/providers/create-provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import { account, fixture, recordingClock, rejection } from '../support/provider-fixtures';
import { startStubServer, type StubAnswer } from '../support/stub-server';

// Every example answer of the provider documents, served verbatim over real HTTP and read by the real clients.

/**
 * Wpay's cards example elides the other 97 cards with a `//...` line after a trailing comma. Only that line and the
 * comma that leads into it are removed; everything else is the document's text as published.
 */
function wpayCardsExample(): string {
  const text = fixture('wpay-activated-cards-page.json.txt');
  const stripped = text.replace(/,\s*\n\s*\/\/\.\.\. all 100 requested cards will be returned\s*\n/, '\n');
  expect(stripped).not.toBe(text);
  return stripped;
}

const routes = new Map<string, StubAnswer>();
let server: Awaited<ReturnType<typeof startStubServer>>;

beforeAll(async () => {
  server = await startStubServer((req) => routes.get(`${req.method} ${req.path}`) ?? { status: 404, body: {} });
});
afterAll(() => server.close());

const wpay = () =>
  createProviderClient(account('wpay', server.url), { apiKey: 'test-key-0123456789' }, { clock: recordingClock() });
/** The seed's examples come from two client programs: its submit from 43251304, its code retrievals from 43287904. */
const blackhawk = (clientProgramNumber = '43251304') =>
  createProviderClient(account('sandbox', server.url, { sandboxFlavor: 'blackhawk', merchantId: '60300003779', clientProgramNumber }), {}, { clock: recordingClock() });
const CODES_PROGRAM = '43287904';

describe('Wpay examples', () => {
  it('reads the batch order answer (202 PROCESSING) with its cancel window', async () => {
    routes.set('POST /v1/partner/giftcards/orders', { status: 202, body: fixture('wpay-place-order-202.json') });
    const result = await wpay().submit({
      reference: 'aaaa-bbbb-0000-0007',
      lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 1000 }],
      currency: 'AUD',
      realtime: false,
    });
    expect(result.cards).toBeNull();
    expect(result.status).toMatchObject({
      phase: 'processing',
      providerOrderId: 'AAN9200073512',
      cancel: { allowed: true, withinMinutes: 15 },
    });
  });

  it('reads the order status example as complete', async () => {
    routes.set('GET /v1/partner/giftcards/order/aaaa-bbbb-0000-0007/status', { status: 200, body: fixture('wpay-order-status-complete.json') });
    const status = await wpay().findByReference('aaaa-bbbb-0000-0007');
    expect(status).toMatchObject({ phase: 'complete', label: 'Complete', providerOrderId: 'AAN9200073512' });
  });

  it('reads the activated cards example, keyed by card number, with each card kept whole in raw', async () => {
    routes.set('GET /v1/partner/giftcards/order/AAN9200073512/cards', { status: 200, body: wpayCardsExample() });
    const page = await wpay().fetchCards('AAN9200073512', { offset: 0, limit: 100 });
    if (page.state !== 'ready') throw new Error(`expected cards, got ${page.state}`);
    expect(page.cards).toHaveLength(3);
    expect(page.totalCards).toBe(1);
    const card = page.cards[0]!;
    expect(card).toMatchObject({
      providerKey: '*******************',
      number: '*******************',
      pin: '****',
      barcode: '*********************************',
      url: null,
      amountCents: 500,
      expiry: '2023-05-04T18:30:00+00:00',
      productName: 'Woolworths eGift Card',
      sku: 'WWQ651BHNWSH',
    });
    const raw = JSON.parse(card.raw) as Record<string, unknown>;
    expect(raw.recipientDetails).toMatchObject({ name: 'JANE SMITH' });
    expect(raw.theme).toBe('');
    expect(raw.cardId).toBe(378470);
  });

  it('reads the SVA balance described in providers.md as cents', async () => {
    routes.set('GET /v1/partner/giftcards/sva/balance', { status: 200, body: fixture('providers-md-wpay-sva-balance.json') });
    expect(await wpay().balance()).toEqual({ cents: 9_536_825, currency: 'AUD' });
  });

  it('reads the 409 {state:"PROCESSING"} answer as not ready', async () => {
    routes.set('GET /v1/partner/giftcards/order/AAN1/cards', { status: 409, body: fixture('providers-md-wpay-cards-409.json') });
    expect(await wpay().fetchCards('AAN1', { offset: 0, limit: 100 })).toEqual({ state: 'not-ready', label: 'PROCESSING' });
  });

  it('reads a 4005313 error as a duplicate reference', async () => {
    routes.set('POST /v1/partner/giftcards/orders', { status: 400, body: fixture('providers-md-wpay-error-duplicate.json') });
    const e = await rejection(
      wpay().submit({ reference: 'r1', lines: [{ sku: 'S', faceValueCents: 500, quantity: 1 }], currency: 'AUD', realtime: false }),
    );
    expect(e).toBeInstanceOf(ProviderError);
    expect(e).toMatchObject({ errorClass: 'duplicate-reference', providerCode: '5313', httpStatus: 400 });
  });
});

describe('Wpay answers as seen in the wild', () => {
  it('reads a real-time card whose number is only in formats (CNONLY), keyed by it, with the provider’s labels', async () => {
    routes.set('POST /v1/partner/giftcards/orders', { status: 201, body: fixture('issue-wpay-realtime-cnonly.json') });
    const result = await wpay().submit({ reference: 'gd-realtime-0001', lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 1 }], currency: 'AUD', realtime: true });
    expect(result.cards).toEqual([
      expect.objectContaining({
        providerKey: '8090921090695675',
        number: '8090921090695675',
        pin: 'PINETEST16760',
        barcode: null,
        labels: { number: 'Card Number', pin: 'Voucher Code', activationCode: 'Activation Code', expiry: 'Validity' },
      }),
    ]);
  });

  it('reads a barcode given only as QCBARCODE-26-V1, and the activation code as a field of its own', async () => {
    routes.set('GET /v1/partner/giftcards/order/AAN1/cards', { status: 200, body: fixture('issue-wpay-card-qcbarcode.json') });
    const page = await wpay().fetchCards('AAN1', { offset: 0, limit: 1 });
    if (page.state !== 'ready') throw new Error(`expected cards, got ${page.state}`);
    expect(page.cards[0]).toMatchObject({ barcode: '62800000000001234561234000', barcodeFormat: 'code128', activationCode: 'ACT7730012', number: '6280000000000123456' });
  });
});

describe('Blackhawk examples', () => {
  const order = { reference: '2019-06-12T15:35:28-0500', lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: 3 }], currency: 'USD', realtime: false };

  it('reads the in-process submit answer (202) as processing at 66%', async () => {
    routes.set('POST /rewardsOrderProcessing/v1/submitEgiftBulk', { status: 202, body: fixture('blackhawk-submit-202-in-process.json') });
    const result = await blackhawk().submit(order);
    expect(result.status).toMatchObject({ phase: 'processing', percentComplete: 66, providerOrderId: null });
  });

  it('reads the completed submit answer (201) with its order number', async () => {
    routes.set('POST /rewardsOrderProcessing/v1/submitEgiftBulk', { status: 201, body: fixture('blackhawk-submit-201-complete.json') });
    const result = await blackhawk().submit(order);
    expect(result.status).toMatchObject({ phase: 'complete', percentComplete: 100, providerOrderId: '401087290' });
  });

  it('reads the Funding Hold answers (seed and providers.md) as not ready', async () => {
    for (const name of ['blackhawk-codes-not-ready.json', 'providers-md-blackhawk-codes-not-ready.json']) {
      routes.set('GET /rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys', { status: 200, body: fixture(name) });
      expect(await blackhawk(CODES_PROGRAM).fetchCards('401087307', { offset: 0, limit: 3 })).toEqual({ state: 'not-ready', label: 'Funding Hold' });
    }
  });

  it('reads URL-only eGifts, keyed by their URL', async () => {
    routes.set('GET /rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys', { status: 200, body: fixture('blackhawk-codes-url-only.json') });
    const page = await blackhawk(CODES_PROGRAM).fetchCards('401087307', { offset: 0, limit: 3 });
    if (page.state !== 'ready') throw new Error(`expected cards, got ${page.state}`);
    expect(page.totalCards).toBe(3);
    expect(new Set(page.cards.map((c) => c.providerKey)).size).toBe(3);
    expect(page.cards[0]).toMatchObject({
      number: null,
      pin: null,
      amountCents: 2500,
      sku: 'BestBuy_eGift',
      url: 'https://egiftpp.blackhawknetwork.com/egift?tid=657Q0RGVTJTZKC50AW2P8STYQC&gcm=n&gs=n&gw=n&eid=489H0YMJRDG4LLPVMD3FGBQTQ4',
    });
    expect(page.cards[0]!.providerKey).toBe(page.cards[0]!.url);
  });

  it('reads eGifts with card number and PIN, keyed by card number', async () => {
    routes.set('GET /rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys', { status: 200, body: fixture('blackhawk-codes-with-card-number-and-pin.json') });
    const page = await blackhawk(CODES_PROGRAM).fetchCards('401087311', { offset: 0, limit: 3 });
    if (page.state !== 'ready') throw new Error(`expected cards, got ${page.state}`);
    expect(page.cards.map((c) => [c.providerKey, c.pin, c.barcode])).toEqual([
      ['9877880000001851713', '1713', '9877880000001851713'],
      ['9877880000001851353', '1353', '9877880000001851353'],
      ['9877880000001858125', '8125', '9877880000001858125'],
    ]);
  });

  it('reads the orderInfo fields of providers.md, numbers given as strings', async () => {
    routes.set('GET /rewardsOrderProcessing/v1/orderInfo/byKeys', { status: 200, body: fixture('providers-md-blackhawk-order-info.json') });
    const status = await blackhawk().status({ reference: '2019-06-12T15:35:28-0500', providerOrderId: '401087290' });
    expect(status).toMatchObject({ phase: 'processing', label: 'In Process', providerOrderId: '401087290', totalCards: 3 });
  });

  it('reads the catalog fields of providers.md into value limits in cents', async () => {
    routes.set('GET /rewardsCatalogProcessing/v1/clientProgram/byKey', { status: 200, body: fixture('providers-md-blackhawk-catalog.json') });
    expect(await blackhawk().catalog()).toEqual([
      { code: 'BestBuy_eGift', name: 'Best Buy eGift', minCents: 500, maxCents: 50_000, allowedCents: null },
      { code: 'Fixed_eGift', name: 'Fixed values', minCents: 2500, maxCents: 10_000, allowedCents: [2500, 5000, 10_000] },
    ]);
  });

  it('reads the error example of providers.md into a fatal error with its code', async () => {
    routes.set('POST /rewardsOrderProcessing/v1/submitEgiftBulk', { status: 400, body: fixture('providers-md-blackhawk-error.json') });
    const e = await rejection(blackhawk().submit(order));
    expect(e).toMatchObject({ errorClass: 'fatal', providerCode: 'orderDetails.contentProvider.invalid', providerMessage: '…', httpStatus: 400 });
  });
});

describe('request examples', () => {
  it('the documented request bodies are valid JSON of the shape the clients send', async () => {
    const wpayBody = JSON.parse(fixture('wpay-place-order-request.json')) as Record<string, unknown>;
    routes.set('POST /v1/partner/giftcards/orders', { status: 202, body: fixture('wpay-place-order-202.json') });
    await wpay().submit({ reference: 'aaaa-bbbb-0000-0007', lines: [{ sku: 'SKU1', faceValueCents: 500, quantity: 1 }], currency: 'AUD', realtime: false });
    const sent = JSON.parse(server.seen.at(-1)!.body) as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(Object.keys(wpayBody).sort());

    const bhBody = JSON.parse(fixture('blackhawk-submit-request.json')) as Record<string, unknown>;
    routes.set('POST /rewardsOrderProcessing/v1/submitEgiftBulk', { status: 202, body: fixture('blackhawk-submit-202-in-process.json') });
    await blackhawk().submit({ reference: 'req-1', lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: 3 }], currency: 'USD', realtime: false });
    const bhSent = JSON.parse(server.seen.at(-1)!.body) as { orderDetails: Record<string, unknown>[] };
    const documentedLine = (bhBody.orderDetails as Record<string, unknown>[])[0]!;
    for (const key of Object.keys(bhSent.orderDetails[0]!)) expect(documentedLine).toHaveProperty(key);
  });
});
