import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient, type ProviderClientOptions } from '../../main/core/providers/create-provider-client';
import type { SubmitRequest } from '../../main/core/providers/provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import { createTransport } from '../../main/core/providers/transport/http-transport';
import { DEFAULT_RETRY_POLICY } from '../../main/core/providers/transport/retry-policy';
import { interpretWpayFailure } from '../../main/core/providers/wpay/wpay-errors';
import { account, recordingClock, rejection } from '../support/provider-fixtures';
import { startStubServer, type StubHandler } from '../support/stub-server';

// Failures over real HTTP: what the engine is told, and what is (and is not) repeated.

const API_KEY = 'wpay-key-7Hq2xZ81pLm04Kd9';
const ORDER: SubmitRequest = {
  reference: 'ref-0001',
  lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2500, quantity: 4 }],
  currency: 'AUD',
  realtime: false,
};
const ACCEPTED = { status: 202, body: { status: 'PROCESSING', orderId: 'AAN1', refno: 'ref-0001' } };
const STATUS_PATH = '/v1/partner/giftcards/order/ref-0001/status';
const COMPLETE = { status: 200, body: { status: 'COMPLETE', statusLabel: 'Complete', orderId: 'AAN1', refno: 'ref-0001' } };

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function wpayAgainst(handler: StubHandler, options: ProviderClientOptions = {}) {
  const server = await startStubServer(handler);
  servers.push(server);
  const clock = recordingClock();
  const client = createProviderClient(account('wpay', server.url), { apiKey: API_KEY }, { clock, random: () => 0.5, ...options });
  return { server, clock, client };
}

/** Answers from a list, one per request, repeating the last. */
function sequence(...answers: ReturnType<StubHandler>[]): StubHandler {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]!;
}

describe('base URL', () => {
  it('refuses http to a host that is not loopback before sending anything', async () => {
    // 127.0.0.2 reaches this machine, so a request, had one been made, would show up at this server.
    const server = await startStubServer(() => COMPLETE, '127.0.0.2');
    servers.push(server);
    const e = await rejection(Promise.resolve().then(() => createProviderClient(account('wpay', server.url), { apiKey: API_KEY })));
    expect(e).toBeInstanceOf(ProviderError);
    expect(e).toMatchObject({ errorClass: 'fatal', httpStatus: null });
    expect((e as Error).message).toContain('plain http is refused for 127.0.0.2');

    // The transport itself refuses too, whoever builds it.
    const transport = createTransport({
      provider: 'wpay',
      baseUrl: server.url,
      headers: { 'X-Api-Key': API_KEY },
      secrets: [API_KEY],
      timeoutMs: 1000,
      retry: DEFAULT_RETRY_POLICY,
      clock: recordingClock(),
      random: Math.random,
      interpretFailure: interpretWpayFailure,
    });
    const e2 = await rejection(transport.request({ method: 'GET', template: STATUS_PATH, path: STATUS_PATH, idempotent: true, accept: [200] }));
    expect(e2).toMatchObject({ errorClass: 'fatal', endpoint: 'base URL' });
    expect(server.seen).toHaveLength(0);

    // Control: the same kind of server on 127.0.0.1 is reached, so the silence above is the refusal's doing.
    const local = await startStubServer(() => COMPLETE);
    servers.push(local);
    const client = createProviderClient(account('wpay', local.url), { apiKey: API_KEY });
    expect(await client.findByReference('ref-0001')).toMatchObject({ phase: 'complete' });
    expect(local.seen).toHaveLength(1);
  });

  it('allows http to localhost and refuses other schemes', () => {
    expect(() => createProviderClient(account('wpay', 'http://localhost:9'), { apiKey: API_KEY })).not.toThrow();
    expect(() => createProviderClient(account('wpay', 'http://[::1]:9'), { apiKey: API_KEY })).not.toThrow();
    expect(() => createProviderClient(account('wpay', 'ftp://127.0.0.1'), { apiKey: API_KEY })).toThrow(ProviderError);
    expect(() => createProviderClient(account('wpay', 'http://gift.example.com'), { apiKey: API_KEY })).toThrow(/plain http is refused/);
  });
});

describe('retries', () => {
  it('waits out Retry-After in seconds on a read, then succeeds', async () => {
    const { client, clock, server } = await wpayAgainst(
      sequence({ status: 429, headers: { 'retry-after': '7' } }, { status: 429, headers: { 'retry-after': '2' } }, COMPLETE),
    );
    expect(await client.status({ reference: 'ref-0001', providerOrderId: null })).toMatchObject({ phase: 'complete' });
    expect(clock.sleeps).toEqual([7000, 2000]);
    expect(server.seen).toHaveLength(3);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const { client, clock } = await wpayAgainst(sequence({ status: 503, headers: { 'retry-after': at } }, COMPLETE));
    await client.status({ reference: 'ref-0001', providerOrderId: null });
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(50_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(60_000);
  });

  it('backs off exponentially within bounds, then gives up with a retryable error', async () => {
    const { client, clock, server } = await wpayAgainst(() => ({ status: 503, body: '<html><title>Service Unavailable</title></html>' }), {
      retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 },
      random: () => 1,
    });
    const e = await rejection(client.status({ reference: 'ref-0001', providerOrderId: null }));
    expect(e).toMatchObject({ errorClass: 'retryable', httpStatus: 503 });
    expect((e as Error).message).toContain('HTML page ("Service Unavailable")');
    expect(server.seen).toHaveLength(5);
    expect(clock.sleeps).toEqual([100, 200, 300, 300]);
  });

  it('adds jitter: half of each step is random', async () => {
    const { client, clock } = await wpayAgainst(() => ({ status: 502 }), {
      retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 },
      random: () => 0,
    });
    await rejection(client.status({ reference: 'ref-0001', providerOrderId: null }));
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('hands a Retry-After longer than it will wait to the engine instead of sleeping', async () => {
    const { client, clock, server } = await wpayAgainst(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const e = await rejection(client.status({ reference: 'ref-0001', providerOrderId: null }));
    expect(e).toMatchObject({ errorClass: 'retryable', retryAfterMs: 3_600_000 });
    expect(clock.sleeps).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it('repeats a dropped read', async () => {
    const { client, server } = await wpayAgainst(sequence({ status: 0, drop: true }, COMPLETE));
    expect(await client.findByReference('ref-0001')).toMatchObject({ phase: 'complete' });
    expect(server.seen).toHaveLength(2);
  });
});

describe('a submit is never blindly repeated', () => {
  it('5xx after sending is uncertain, sent once', async () => {
    const { client, server } = await wpayAgainst(() => ({ status: 500, body: { code: 'E500', message: 'internal' } }));
    const e = await rejection(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'uncertain', httpStatus: 500 });
    expect(server.seen).toHaveLength(1);
  });

  it('a dropped connection after sending is uncertain, sent once', async () => {
    const { client, server } = await wpayAgainst(() => ({ status: 0, drop: true }));
    const e = await rejection(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'uncertain', httpStatus: null });
    expect(server.seen).toHaveLength(1);
  });

  it('a timeout is uncertain, sent once', async () => {
    const { client, server } = await wpayAgainst(() => ({ status: 0, hang: true }), { timeoutMs: 150 });
    const e = await rejection(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'uncertain', httpStatus: null });
    expect((e as Error).message).toContain('no answer before the timeout');
    expect(server.seen).toHaveLength(1);
  });

  it('a 429 means it was not taken: repeated after Retry-After, same refno', async () => {
    const { client, server, clock } = await wpayAgainst(sequence({ status: 429, headers: { 'retry-after': '1' } }, ACCEPTED));
    expect((await client.submit(ORDER)).status).toMatchObject({ phase: 'processing', providerOrderId: 'AAN1' });
    expect(clock.sleeps).toEqual([1000]);
    expect(server.seen.map((r) => (JSON.parse(r.body) as { refno: string }).refno)).toEqual(['ref-0001', 'ref-0001']);
  });

  it('a refused connection never reached the provider: retryable', async () => {
    const server = await startStubServer(() => ACCEPTED);
    const url = server.url;
    await server.close();
    const client = createProviderClient(account('wpay', url), { apiKey: API_KEY }, { clock: recordingClock(), retry: { maxAttempts: 2 } });
    const e = await rejection(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'retryable', httpStatus: null });
    expect((e as Error).message).toContain('ECONNREFUSED');
  });
});

describe('redirects', () => {
  it('are not followed: fatal on a read, uncertain on a submit', async () => {
    const { client, server } = await wpayAgainst((req) =>
      req.path === '/elsewhere' ? COMPLETE : { status: 302, headers: { location: '/elsewhere' } },
    );
    expect(await rejection(client.findByReference('ref-0001'))).toMatchObject({ errorClass: 'fatal', httpStatus: 302 });
    expect(await rejection(client.submit(ORDER))).toMatchObject({ errorClass: 'uncertain', httpStatus: 302 });
    expect(server.seen.map((r) => r.path)).not.toContain('/elsewhere');
  });
});

describe('Wpay codes', () => {
  it('5313 (with and without the 400 prefix) is a duplicate reference', async () => {
    for (const code of [5313, '4005313', '5313']) {
      const { client } = await wpayAgainst(() => ({ status: 400, body: { code, message: 'Duplicate reference number' } }));
      expect(await rejection(client.submit(ORDER))).toMatchObject({ errorClass: 'duplicate-reference', providerCode: '5313' });
    }
  });

  it('5320 means the order never arrived: findByReference is null, status is not-found', async () => {
    const { client, server } = await wpayAgainst(() => ({ status: 400, body: { code: 4005320, message: 'Order not available' } }));
    expect(await client.findByReference('ref-0001')).toBeNull();
    expect(server.seen[0]!.path).toBe(STATUS_PATH);
    expect(await rejection(client.status({ reference: 'ref-0001', providerOrderId: 'AAN1' }))).toMatchObject({ errorClass: 'not-found' });
  });

  it('6063 insufficient balance is fatal with the provider words', async () => {
    const { client } = await wpayAgainst(() => ({ status: 400, body: { code: '6063', message: 'Insufficient balance in SVA' } }));
    const e = await rejection(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'fatal', providerCode: '6063', providerMessage: 'Insufficient balance in SVA' });
    expect((e as Error).message).toBe('Wpay POST /v1/partner/giftcards/orders failed (HTTP 400 code 6063): Insufficient balance in SVA');
  });

  it('401 / AP01 invalid key is fatal and not repeated', async () => {
    const { client, server } = await wpayAgainst(() => ({ status: 401, body: { code: 'AP01', message: 'Invalid API key' } }));
    expect(await rejection(client.findByReference('ref-0001'))).toMatchObject({ errorClass: 'fatal', providerCode: 'AP01', httpStatus: 401 });
    expect(server.seen).toHaveLength(1);
  });

  it('6053 "retry later" is repeated on a read, and uncertain after a submit', async () => {
    const later = { status: 400, body: { code: '6053', message: 'Please retry later' } };
    const read = await wpayAgainst(sequence(later, COMPLETE));
    expect(await read.client.findByReference('ref-0001')).toMatchObject({ phase: 'complete' });
    expect(read.server.seen).toHaveLength(2);
    const submit = await wpayAgainst(() => later);
    expect(await rejection(submit.client.submit(ORDER))).toMatchObject({ errorClass: 'uncertain', providerCode: '6053' });
    expect(submit.server.seen).toHaveLength(1);
  });

  it.each([['5338'], ['5307'], ['5318'], ['5310'], ['8205'], ['5035'], ['5036'], ['5321'], ['6050']])('%s is fatal', async (code) => {
    const { client } = await wpayAgainst(() => ({ status: 400, body: { code: `400${code}` } }));
    const e = await rejection(client.submit(ORDER));
    expect(e).toMatchObject({ errorClass: 'fatal', providerCode: code });
    expect((e as ProviderError).providerMessage).toBeTruthy();
  });
});

describe('secrets stay out of error text', () => {
  it('removes the key, card numbers and PINs the provider echoes back', async () => {
    const { client, server } = await wpayAgainst(() => ({
      status: 400,
      body: { code: 5036, message: `Payment mismatch for card 6280 0012 3456 7890 123 pin 4821 using key ${API_KEY}` },
    }));
    const e = (await rejection(client.submit(ORDER))) as ProviderError;
    const text = `${e.message} ${e.providerMessage} ${JSON.stringify(e)}`;
    expect(text).not.toContain(API_KEY);
    expect(text).not.toMatch(/6280 ?0012/);
    expect(text).not.toContain('4821');
    expect(e.providerMessage).toContain('Payment mismatch');
    // The key was sent where it belongs, in the header.
    expect(server.seen[0]!.headers['x-api-key']).toBe(API_KEY);
  });

  it('a card that does not parse is named by its place, never by its values', async () => {
    const { client } = await wpayAgainst(() => ({
      status: 200,
      body: { cards: [{ cardNumber: '6280001234567890123', cardPin: '4821', amount: 'five dollars' }], total_cards: 1 },
    }));
    const e = (await rejection(client.fetchCards('AAN1', { offset: 0, limit: 100 }))) as ProviderError;
    expect(e.message).toContain('cards[0].amount: expected an amount');
    expect(e.message).not.toContain('6280001234567890123');
    expect(e.message).not.toContain('4821');
  });
});
