import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient } from '../../main/core/providers/create-provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import { account, fixture, recordingClock, rejection } from '../support/provider-fixtures';
import { startStubServer, type StubAnswer } from '../support/stub-server';

// A bad answer is a ProviderError that names the provider, the endpoint and what was wrong: never a crash or a skip.

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function wpay(answer: StubAnswer) {
  const server = await startStubServer(() => answer);
  servers.push(server);
  return createProviderClient(account('wpay', server.url), { apiKey: 'k-123456' }, { clock: recordingClock(), retry: { maxAttempts: 1 } });
}

async function blackhawk(answer: StubAnswer) {
  const server = await startStubServer(() => answer);
  servers.push(server);
  return createProviderClient(account('sandbox', server.url, { sandboxFlavor: 'blackhawk' }), {}, { clock: recordingClock(), retry: { maxAttempts: 1 } });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const e = await rejection(promise);
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

const CARDS = 'GET /v1/partner/giftcards/order/{orderId}/cards';
const page = { offset: 0, limit: 100 };
const ORDER = { reference: 'ref-1', lines: [{ sku: 'S1', faceValueCents: 500, quantity: 2 }], currency: 'AUD', realtime: false };

describe('Wpay', () => {
  it('an HTML page where JSON was expected', async () => {
    const client = await wpay({ status: 200, body: '<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>', headers: { 'content-type': 'text/html' } });
    const e = await failure(client.fetchCards('AAN1', page));
    expect(e.message).toBe(`Wpay ${CARDS} failed (HTTP 200): answered an HTML page ("Maintenance") instead of JSON`);
    expect(e).toMatchObject({ provider: 'wpay', endpoint: CARDS, errorClass: 'fatal' });
  });

  it('truncated JSON', async () => {
    const text = fixture('wpay-order-status-complete.json');
    const client = await wpay({ status: 200, body: text.slice(0, text.length / 2) });
    const e = await failure(client.findByReference('ref-1'));
    expect(e.message).toMatch(/^Wpay GET \/v1\/partner\/giftcards\/order\/\{refno\}\/status failed \(HTTP 200\): answered JSON that could not be read \(truncated or malformed/);
  });

  it('a missing `cards` list', async () => {
    const client = await wpay({ status: 200, body: { products: {}, total_cards: 3 } });
    const e = await failure(client.fetchCards('AAN1', page));
    expect(e.message).toBe(`Wpay ${CARDS} failed (HTTP 200): answer was not as expected: cards: missing`);
  });

  it('wrong types', async () => {
    const client = await wpay({ status: 201, body: { cards: [{ cardNumber: 'A1', amount: '5.00' }, { cardNumber: { n: 1 }, amount: '5.00' }] } });
    const e = await failure(client.fetchCards('AAN1', { offset: 100, limit: 100 }));
    expect(e.message).toContain('cards[1].cardNumber: expected string or number');
    const client2 = await wpay({ status: 200, body: { status: 42, orderId: 'AAN1' } });
    expect((await failure(client2.findByReference('ref-1'))).message).toContain('answer was not as expected: status: expected string');
  });

  it('an amount with three decimals is refused, not rounded', async () => {
    const client = await wpay({ status: 200, body: { cards: [{ cardNumber: 'A1', amount: '5.005' }] } });
    expect((await failure(client.fetchCards('AAN1', page))).message).toContain('cards[0].amount: expected an amount with at most two decimals');
  });

  it('a card number that arrives as a JSON number too long to be exact', async () => {
    const client = await wpay({ status: 200, body: '{"cards":[{"cardNumber":6280001234567890123,"amount":"5.00"}]}' });
    const e = await failure(client.fetchCards('AAN1', page));
    expect(e.message).toContain('cards[0].cardNumber: a number too long to read exactly (digits were lost)');
    expect(e.message).not.toContain('628000123456789');
  });

  it('an empty body on an accepted submit is uncertain: the order may exist', async () => {
    const client = await wpay({ status: 202 });
    const e = await failure(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'uncertain', httpStatus: 202 });
    expect(e.message).toContain('answered with an empty body');
  });

  it('an HTML error page with a 4xx status', async () => {
    const client = await wpay({ status: 403, body: '<html><title>403 Forbidden</title></html>' });
    const e = await failure(client.balance());
    expect(e).toMatchObject({ errorClass: 'fatal', httpStatus: 403, providerCode: null });
    expect(e.message).toContain('HTML page ("403 Forbidden")');
  });
});

describe('Blackhawk', () => {
  const CODES = 'GET /rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys?orderNumber={orderNumber}';

  it('an answer with neither eGifts nor orderStatus', async () => {
    const client = await blackhawk({ status: 200, body: { orderNumber: '1', quantity: 3 } });
    const e = await failure(client.fetchCards('1', { offset: 0, limit: 3 }));
    expect(e.message).toBe(`Sandbox ${CODES} failed (HTTP 200): answer has neither eGifts nor orderStatus`);
  });

  it('an eGift with a wrong type', async () => {
    const client = await blackhawk({ status: 200, body: { eGifts: [{ url: 'https://x.test/1', amount: '25' }, { url: 7, amount: 25 }] } });
    const e = await failure(client.fetchCards('1', { offset: 0, limit: 2 }));
    expect(e.message).toContain('eGifts[1].url: expected string');
  });

  it('a submit answer without isCompleted is uncertain', async () => {
    const client = await blackhawk({ status: 201, body: { transactionId: 'T1' } });
    const e = await failure(client.submit({ ...ORDER, currency: 'USD' }));
    expect(e).toMatchObject({ errorClass: 'uncertain' });
    expect(e.message).toContain('isCompleted: missing');
  });

  it('truncated orderInfo', async () => {
    const client = await blackhawk({ status: 200, body: '{"orderNumber":"401087290","orderSta' });
    const e = await failure(client.status({ reference: 'r', providerOrderId: '401087290' }));
    expect(e.endpoint).toBe('GET /rewardsOrderProcessing/v1/orderInfo/byKeys?orderNumber={orderNumber}');
    expect(e.message).toContain('truncated or malformed');
  });
});
