import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { cardCounts, person, realKeychain, testVault } from '../support/core';
import { auditSubmits } from '../support/call-log';
import { tempDir } from '../support/temp-dir';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const FAULTS = {
  errorRate: 0.2,
  rate429: 0.1,
  retryAfterSeconds: 1,
  latencySpikeRate: 0.05,
  latencySpikeMs: 400,
  dropAfterAcceptRate: 0.5,
  seed: 42,
};

describe('orders against a provider having a bad day', () => {
  it('completes Wpay orders of 1, 10, 500, 2,000 and 25,000 cards with exact counts and one provider order each', async () => {
    core = await createCore({
      dataDir: path.join(tempDir(), 'data'),
      keychain: realKeychain,
      ...testVault(),
      sandbox: { instruments: createFaultInstruments(FAULTS), processing: { baseMs: 500, perCardMs: 0.05 } },
      providerClient: { retry: { baseDelayMs: 50, maxDelayMs: 500 } },
    });
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const sizes = [1, 10, 500, 2_000, 25_000];
    const placed = await Promise.all(
      sizes.map((qty) => core!.app.orders.place(person(), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: qty }], pollEverySeconds: 0.2 })),
    );
    const settled = await Promise.all(placed.map((o) => core!.engine.settled(o.id)));
    const sandbox = await core.providers.sandbox();
    const stats = sandbox.stats();
    for (const [i, order] of settled.entries()) {
      expect(order.state, `${sizes[i]} cards: ${order.stateReason} / ${order.lastError}`).toBe('complete');
      expect(cardCounts(core, order.id)).toEqual({ n: sizes[i], distinct: sizes[i] });
      expect(stats.ordersByReference[order.clientReference]).toBe(1);
      // Every send after the first followed a lookup that found nothing; none went to an order the provider had.
      expect(auditSubmits(stats.calls[order.clientReference]), order.clientReference).toMatchObject({ unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
    }
    // The faults were really there.
    expect(stats.faultsInjected.errors).toBeGreaterThan(0);
    expect(stats.faultsInjected.throttled).toBeGreaterThan(0);
    // Submits are few, so whether one of them was cut off is left to the next test, which forces it (and to the
    // property tests, which throw every fault at every step).
  }, 300_000);

  it('finds an order whose answer was cut off after the provider took it, instead of ordering again', async () => {
    core = await createCore({
      dataDir: path.join(tempDir(), 'data'),
      keychain: realKeychain,
      ...testVault(),
      sandbox: { instruments: createFaultInstruments({ dropAfterAcceptRate: 1, seed: 1 }), processing: { baseMs: 200, perCardMs: 0.1 } },
    });
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    const order = await core.app.orders.place(person(), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 2000, quantity: 300 }], pollEverySeconds: 0.2 });
    const settled = await core.engine.settled(order.id);
    const stats = (await core.providers.sandbox()).stats();
    expect(settled.state, settled.stateReason ?? '').toBe('complete');
    expect(core.cards.count(order.id)).toBe(300);
    expect(stats.faultsInjected.dropped).toBe(1);
    expect(stats.submitsByReference[order.clientReference]).toBe(1);
    expect(stats.ordersByReference[order.clientReference]).toBe(1);
    expect(stats.calls[order.clientReference]!.slice(0, 2)).toEqual([
      { call: 'submit', outcome: 'taken', answered: false },
      { call: 'lookup', outcome: 'found', answered: true },
    ]);
    expect(auditSubmits(stats.calls[order.clientReference])).toMatchObject({ submits: 1, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
  }, 60_000);

  it('completes Blackhawk orders of 1, 10 and 500 cards with exact counts under the same faults', async () => {
    core = await createCore({
      dataDir: path.join(tempDir(), 'data'),
      keychain: realKeychain,
      ...testVault(),
      sandbox: { instruments: createFaultInstruments(FAULTS), processing: { baseMs: 500, perCardMs: 0.5 } },
      providerClient: { retry: { baseDelayMs: 50, maxDelayMs: 500 }, blackhawkMillisecondsToWait: 200 },
    });
    const account = core.accounts.findByName('Sandbox (Blackhawk)')!;
    const sizes = [1, 10, 500];
    const placed = await Promise.all(
      sizes.map((qty) => core!.app.orders.place(person(), { accountId: account.id, lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: qty }], pollEverySeconds: 0.2 })),
    );
    const settled = await Promise.all(placed.map((o) => core!.engine.settled(o.id)));
    const stats = (await core.providers.sandbox()).stats();
    for (const [i, order] of settled.entries()) {
      expect(order.state, `${sizes[i]} cards: ${order.stateReason} / ${order.lastError}`).toBe('complete');
      expect(core.cards.count(order.id)).toBe(sizes[i]);
      expect(stats.ordersByReference[order.clientReference]).toBe(1);
      expect(auditSubmits(stats.calls[order.clientReference]), order.clientReference).toMatchObject({ unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
    }
  }, 300_000);
});
