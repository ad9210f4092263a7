import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { systemClock } from '../../main/core/clock';
import { createProviderClient, type ProviderClientHandle } from '../../main/core/providers/create-provider-client';
import type { ProviderClient, ProviderOrderStatus, SubmitRequest } from '../../main/core/providers/provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import type { SandboxHandle } from '../../main/sandbox/types';
import { tempDir } from '../support/temp-dir';
import { MovableClock, sandbox } from '../support/sandbox-harness';

const clients: ProviderClientHandle[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function clientFor(s: SandboxHandle, flavor: 'wpay' | 'blackhawk', opts: { apiKey?: string; maxAttempts?: number; clock?: MovableClock } = {}) {
  const account: Account = {
    id: `acct-${flavor}`,
    name: `Sandbox ${flavor}`,
    provider: 'sandbox',
    baseUrl: s.url,
    merchantId: s.merchantId,
    clientProgramNumber: s.clientProgramNumber,
    sandboxFlavor: flavor,
    currency: flavor === 'wpay' ? 'AUD' : 'USD',
    fetchConcurrency: 2,
    pollEverySeconds: 1,
    createdAt: 0,
  };
  const client = createProviderClient(account, { apiKey: opts.apiKey ?? s.apiKey }, {
    clock: opts.clock ?? systemClock,
    timeoutMs: 10_000,
    retry: { maxAttempts: opts.maxAttempts ?? 12, baseDelayMs: 5, maxDelayMs: 40 },
    blackhawkMillisecondsToWait: 300,
  });
  clients.push(client);
  return client;
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

/** What the engine does by the rules of issue 4: never a new reference; an unclear submit is looked up by reference. */
async function placeOnce(client: ProviderClient, request: SubmitRequest): Promise<ProviderOrderStatus> {
  for (let round = 0; round < 100; round++) {
    try {
      return (await client.submit(request)).status;
    } catch (e) {
      if (!(e instanceof ProviderError) || e.errorClass === 'fatal' || e.errorClass === 'not-found') throw e;
    }
    for (let look = 0; look < 100; look++) {
      try {
        const found = await client.findByReference(request.reference);
        if (found) return found;
        break; // never arrived: submit again under the same reference
      } catch (e) {
        if (!(e instanceof ProviderError) || e.errorClass !== 'retryable') throw e;
      }
    }
  }
  throw new Error('order was never placed');
}

async function settle<T>(attempt: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 400; i++) {
    try {
      const value = await attempt();
      if (value !== null) return value;
    } catch (e) {
      if (!(e instanceof ProviderError) || e.errorClass !== 'retryable') throw e;
    }
    await systemClock.sleep(25);
  }
  throw new Error('did not settle');
}

async function collectCards(client: ProviderClient, reference: string, quantity: number, placed: ProviderOrderStatus) {
  const status = await settle(async () => {
    const s = await client.status({ reference, providerOrderId: placed.providerOrderId });
    return s.phase === 'complete' ? s : null;
  });
  const orderId = status.providerOrderId!;
  const numbers: string[] = [];
  for (const page of client.planPages(quantity)) {
    const cards = await settle(async () => {
      const r = await client.fetchCards(orderId, page);
      return r.state === 'ready' ? r.cards : null;
    });
    numbers.push(...cards.map((c) => c.number ?? c.url ?? ''));
  }
  return numbers;
}

const FAULTS = { errorRate: 0.2, rate429: 0.15, retryAfterSeconds: 0, latencySpikeRate: 0.1, latencySpikeMs: 30, dropAfterAcceptRate: 0.3, seed: 5 };

describe('the real provider clients against the sandbox, faults on', () => {
  it('Wpay: orders complete with exact, distinct cards and one order per refno', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: FAULTS, processing: { baseMs: 200, perCardMs: 0.5 } });
    const client = clientFor(s, 'wpay');
    const orders = [
      { reference: 'cli-w-600', quantity: 600, realtime: false },
      { reference: 'cli-w-150', quantity: 150, realtime: false },
      { reference: 'cli-w-rt', quantity: 4, realtime: true },
    ];
    const fetched: Record<string, string[]> = {};
    for (const o of orders) {
      const request: SubmitRequest = { reference: o.reference, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1250, quantity: o.quantity }], currency: 'AUD', realtime: o.realtime };
      const placed = await placeOnce(client, request);
      fetched[o.reference] = await collectCards(client, o.reference, o.quantity, placed);
      expect(new Set(fetched[o.reference]).size).toBe(o.quantity);
    }
    expect(s.stats().ordersByReference).toEqual({ 'cli-w-600': 1, 'cli-w-150': 1, 'cli-w-rt': 1 });
    // Faults really hit the run (how many depends on how often the orders were polled).
    const injected = s.stats().faultsInjected;
    expect(injected.errors + injected.throttled).toBeGreaterThan(0);
    expect(await settle(() => client.balance())).toMatchObject({ currency: 'AUD' });

    // The same cards as a fault-free read of the sandbox.
    s.setFaults({ errorRate: 0, rate429: 0, dropAfterAcceptRate: 0, latencySpikeRate: 0 });
    const clean = clientFor(s, 'wpay');
    const status = await clean.status({ reference: 'cli-w-600', providerOrderId: null });
    const page = await clean.fetchCards(status.providerOrderId!, { offset: 500, limit: 500 });
    expect(page.state === 'ready' && page.cards.map((c) => c.number)).toEqual(fetched['cli-w-600']!.slice(500));
  });

  it('Wpay: each fault and refusal surfaces as the class the engine acts on', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { balanceCents: 10_000 } });
    const client = clientFor(s, 'wpay', { maxAttempts: 2 });
    const order = (reference: string, quantity = 1): SubmitRequest => ({ reference, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity }], currency: 'AUD', realtime: false });

    s.setFaults({ errorRate: 1 });
    expect((await failure(client.submit(order('c-5xx')))).errorClass).toBe('uncertain');
    expect((await failure(client.balance())).errorClass).toBe('retryable');
    s.setFaults({ errorRate: 0, dropAfterAcceptRate: 1 });
    const dropped = await failure(client.submit(order('c-drop')));
    expect([dropped.errorClass, dropped.httpStatus]).toEqual(['uncertain', null]);
    s.setFaults({ dropAfterAcceptRate: 0 });
    expect((await client.findByReference('c-drop'))?.providerOrderId).toBeTruthy();
    expect(await client.findByReference('never-sent')).toBeNull();
    expect((await failure(client.submit(order('c-drop')))).errorClass).toBe('duplicate-reference');
    const poor = await failure(client.submit(order('c-poor', 100)));
    expect([poor.errorClass, poor.providerCode]).toEqual(['fatal', '6063']);
    const wrongKey = await failure(clientFor(s, 'wpay', { apiKey: 'wrong-key' }).balance());
    expect([wrongKey.errorClass, wrongKey.httpStatus]).toEqual(['fatal', 401]);
    expect(wrongKey.message).not.toContain('wrong-key');

    const clock = new MovableClock();
    s.setFaults({ rate429: 1, retryAfterSeconds: 1 });
    const throttled = await failure(clientFor(s, 'wpay', { maxAttempts: 2, clock }).balance());
    expect([throttled.errorClass, throttled.httpStatus, throttled.retryAfterMs]).toEqual(['retryable', 429, 1000]);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('Blackhawk: a dropped or failed submit is retried with the same requestId and yields one order with every eGift', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: FAULTS, processing: { baseMs: 500, perCardMs: 1 } });
    const client = clientFor(s, 'blackhawk');
    for (const [reference, quantity] of [['cli-b-300', 300], ['cli-b-2', 2]] as const) {
      const request: SubmitRequest = { reference, lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity }], currency: 'USD', realtime: false };
      const placed = await placeOnce(client, request);
      const cards = await collectCards(client, reference, quantity, placed);
      expect(new Set(cards).size).toBe(quantity);
    }
    expect(s.stats().ordersByReference).toEqual({ 'cli-b-300': 1, 'cli-b-2': 1 });
    expect(s.stats().faultsInjected.errors + s.stats().faultsInjected.throttled).toBeGreaterThan(0);
    const catalog = await settle(() => client.catalog());
    expect(catalog.map((p) => p.code)).toContain('BestBuy_eGift');

    s.setFaults({ errorRate: 0, rate429: 0, latencySpikeRate: 0, dropAfterAcceptRate: 1 });
    const dropped = await failure(client.submit({ reference: 'b-drop', lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: 1 }], currency: 'USD', realtime: false }));
    expect(dropped.errorClass).toBe('uncertain');
    s.setFaults({ dropAfterAcceptRate: 0 });
    expect(await client.findByReference('b-drop')).toMatchObject({ providerOrderId: expect.any(String) });
    expect(await client.findByReference('b-never')).toBeNull();
    const bad = await failure(client.submit({ reference: 'b-bad', lines: [{ sku: 'Nope_eGift', faceValueCents: 2500, quantity: 1 }], currency: 'USD', realtime: false }));
    expect([bad.errorClass, bad.providerCode]).toEqual(['fatal', 'orderDetails.contentProvider.invalid']);
  });
});
