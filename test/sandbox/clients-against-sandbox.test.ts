import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { systemClock } from '../../main/core/clock';
import { createProviderClient, type ProviderClientHandle } from '../../main/core/providers/create-provider-client';
import type { Core } from '../../main/core/create-core';
import type { ProviderClient, SubmitRequest } from '../../main/core/providers/provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import type { SandboxHandle } from '../../main/sandbox/types';
import { auditSubmits } from '../support/call-log';
import { blackhawkLine, engineRig, settled, wpayLine } from '../support/engine-harness';
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
    balanceRatePerMinute: 50,
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

/** The order's cards as a fault-free read of the provider gives them, number and PIN (or URL), sorted. */
async function cleanRead(client: ProviderClient, providerOrderId: string, quantity: number): Promise<string[]> {
  const cards: string[] = [];
  for (const page of client.planPages(quantity)) {
    const r = await client.fetchCards(providerOrderId, page);
    if (r.state !== 'ready') throw new Error(`page at ${page.offset} is ${r.state}`);
    cards.push(...r.cards.map((c) => `${c.number ?? c.url}/${c.pin ?? ''}`));
  }
  return cards.sort();
}

function storedCards(core: Core, orderId: number): string[] {
  return core.cards
    .list(orderId)
    .map((c) => `${c.number ?? c.url}/${c.pin ?? ''}`)
    .sort();
}

const FAULTS = { errorRate: 0.2, rate429: 0.15, retryAfterSeconds: 0, latencySpikeRate: 0.1, latencySpikeMs: 30, dropAfterAcceptRate: 0.3, seed: 5 };

describe('the real provider clients against the sandbox, faults on', () => {
  it.each([
    ['Wpay', 'wpay' as const, [600, 150, 4], (n: number) => wpayLine(n, 1250)],
    ['Blackhawk', 'blackhawk' as const, [300, 2], (n: number) => blackhawkLine(n)],
  ] as const)('%s: under faults, the engine stores exactly the cards a fault-free read of the provider gives, one order per reference', async (_, flavor, sizes, line) => {
    const rig = await engineRig({ faults: FAULTS, processing: { baseMs: 4_000, perCardMs: 10 } });
    const placed = await Promise.all(sizes.map((n) => rig.place({ accountId: rig.account(flavor), lines: [line(n)], pollEverySeconds: 1 })));
    const done = await Promise.all(placed.map((o) => settled(rig.core, o.id)));
    const s = await rig.core.providers.sandbox();
    const stats = s.stats();
    expect(stats.faultsInjected.errors + stats.faultsInjected.throttled).toBeGreaterThan(0);

    (await rig.sandbox()).setFaults({ errorRate: 0, rate429: 0, dropAfterAcceptRate: 0, latencySpikeRate: 0 });
    const clean = clientFor(s, flavor);
    for (const [i, order] of done.entries()) {
      expect(order.state, `${sizes[i]} cards: ${order.stateReason} / ${order.lastError}`).toBe('complete');
      expect(storedCards(rig.core, order.id)).toEqual(await cleanRead(clean, order.providerOrderId!, sizes[i]!));
      expect(stats.ordersByReference[order.clientReference]).toBe(1);
      expect(auditSubmits(stats.calls[order.clientReference])).toMatchObject({ unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
    }
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

  it('Blackhawk: a cut-off submit, an unknown requestId and a bad product surface as the classes the engine acts on', async () => {
    const s = await sandbox({ stateDir: tempDir(), faults: { dropAfterAcceptRate: 1 } });
    const client = clientFor(s, 'blackhawk');
    const dropped = await failure(client.submit({ reference: 'b-drop', lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: 1 }], currency: 'USD', realtime: false }));
    expect(dropped.errorClass).toBe('uncertain');
    s.setFaults({ dropAfterAcceptRate: 0 });
    expect(await client.findByReference('b-drop')).toMatchObject({ providerOrderId: expect.any(String) });
    expect(await client.findByReference('b-never')).toBeNull();
    const bad = await failure(client.submit({ reference: 'b-bad', lines: [{ sku: 'Nope_eGift', faceValueCents: 2500, quantity: 1 }], currency: 'USD', realtime: false }));
    expect([bad.errorClass, bad.providerCode]).toEqual(['fatal', 'orderDetails.contentProvider.invalid']);
    expect((await client.catalog())!.map((p) => p.code)).toContain('BestBuy_eGift');
  });
});
