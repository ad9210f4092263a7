import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../main/core/clock';
import { createCore, type Core, type CoreOptions } from '../../main/core/create-core';
import { EngineBusy } from '../../main/core/engine/engine-lease';
import { nextPollDelayMs, recommendedPollMs } from '../../main/core/engine/poll-cadence';
import { person, realKeychain, testVault } from '../support/core';
import { jsonLines, runCli } from '../support/cli';
import { MovableClock } from '../support/sandbox-harness';
import { progressWhere } from '../support/engine-harness';
import { withRawDb } from '../support/raw-db';
import { tempDir } from '../support/temp-dir';

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

async function core(dataDir: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  const c = await createCore({ dataDir, keychain: realKeychain, ...testVault(), sandbox: { processing: { baseMs: 300, perCardMs: 0.2 } }, ...options });
  open.push(c);
  return c;
}

const wpayLine = (quantity: number, cents = 1000) => ({ sku: 'WWQ651BHNWSH', faceValueCents: cents, quantity });

describe('poll cadence', () => {
  it('follows the provider guidance by order size and interpolates between its points', () => {
    expect(recommendedPollMs(50)).toBe(5 * 60_000);
    expect(recommendedPollMs(5_000)).toBe(15 * 60_000);
    expect(recommendedPollMs(7_500)).toBe(25 * 60_000);
    expect(recommendedPollMs(20_000)).toBe(60 * 60_000);
    expect(recommendedPollMs(25_000)).toBeGreaterThan(60 * 60_000);
  });

  it('checks a new order sooner than the cadence, uses percentComplete to estimate, and obeys an override', () => {
    const cadence = recommendedPollMs(10_000);
    expect(nextPollDelayMs({ quantity: 10_000, overrideSeconds: null, first: true })).toBeLessThan(cadence);
    expect(nextPollDelayMs({ quantity: 10_000, overrideSeconds: null, first: false, percentComplete: 90, elapsedMs: 9 * 60_000 })).toBe(60_000);
    expect(nextPollDelayMs({ quantity: 10_000, overrideSeconds: 2, first: false })).toBe(2_000);
  });
});

describe('order engine', () => {
  it('persists the next poll time, so a restart neither checks at once nor forgets the order', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await core(dataDir, { sandbox: { processing: { baseMs: 60_000, perCardMs: 0 } } });
    const account = first.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await first.app.orders.place(person(), { accountId: account.id, lines: [wpayLine(200)], pollEverySeconds: 30 });
    const accepted = await first.engine.accepted(placed.id);
    expect(accepted.state).toBe('accepted');
    const due = accepted.nextPollAt!;
    await first.close();
    open.splice(open.indexOf(first), 1);

    // The restarted engine's first wait is the one to watch: it must end at the persisted time.
    let firstWaitEnds: (at: number) => void = () => undefined;
    const waitEnds = new Promise<number>((resolve) => (firstWaitEnds = resolve));
    const clock: Clock = {
      now: () => systemClock.now(),
      sleep: (ms, signal) => {
        firstWaitEnds(systemClock.now() + ms);
        return systemClock.sleep(ms, signal);
      },
    };
    const second = await core(dataDir, { clock, sandbox: { processing: { baseMs: 60_000, perCardMs: 0 } } });
    const resumed = second.engine.resumeAll();
    expect(resumed.map((o) => o.id)).toEqual([placed.id]);
    expect(Math.abs((await waitEnds) - due)).toBeLessThan(100);
    const sandbox = await second.providers.sandbox();
    const checks = () => sandbox.stats().requests['GET /v1/partner/giftcards/order/{refno}/status'] ?? 0;
    // Nothing was asked of the provider before the persisted time.
    expect(checks()).toBe(0);
    expect(second.orders.get(placed.id).nextPollAt).toBe(due);
    // And the order is not forgotten: "check now" wakes that very wait.
    void second.app.orders.checkNow(person(), placed.id);
    await progressWhere(second, placed.id, (p) => p.state === 'processing');
    expect(checks()).toBe(1);
  });

  it('fetches only the missing pages after a restart in the middle of pagination', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await core(dataDir);
    const account = first.accounts.findByName('Sandbox (Wpay)')!;
    first.accounts.update(account.id, { fetchConcurrency: 1 });
    const placed = await first.app.orders.place(person(), { accountId: account.id, lines: [wpayLine(2_000)], pollEverySeconds: 0.2 });
    await new Promise<void>((resolve) => {
      const off = first.engine.onProgress((p) => {
        if (p.orderId === placed.id && p.cardsStored >= 1_000) {
          off();
          resolve();
        }
      });
    });
    await first.close();
    open.splice(open.indexOf(first), 1);
    const storedBefore = (await core(dataDir)).cards.count(placed.id);
    expect(storedBefore).toBeGreaterThanOrEqual(1_000);
    expect(storedBefore).toBeLessThan(2_000);

    const second = open.at(-1)!;
    second.engine.resumeAll();
    const done = await second.engine.settled(placed.id);
    expect(done.state).toBe('complete');
    expect(second.cards.count(placed.id)).toBe(2_000);
    const pageRequests = (await second.providers.sandbox()).stats().requests['GET /v1/partner/giftcards/order/{orderId}/cards'] ?? 0;
    expect(pageRequests).toBe((2_000 - storedBefore) / 500);
  });

  it('lets only one process drive the orders of a data folder, and says who holds it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = await core(dataDir, { label: 'desktop app', sandbox: { processing: { baseMs: 60_000, perCardMs: 0 } } });
    const account = app.accounts.findByName('Sandbox (Wpay)')!;
    await app.app.orders.place(person(), { accountId: account.id, lines: [wpayLine(20)], pollEverySeconds: 30 });

    const cli = await runCli(dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5', '--qty', '3']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/desktop app.*driving the orders/);
    expect(app.orders.list()).toHaveLength(1);
    // The real lease (30 s, renewed every 10 s): another process may take over only after that long a stall.
    const left = withRawDb(dataDir, (db) => db.prepare<[], number>('SELECT expires_at FROM engine_lease').pluck().get()!) - Date.now();
    expect(left).toBeGreaterThan(20_000 - 1_000);
    expect(left).toBeLessThanOrEqual(30_000);

    const other = await core(dataDir, { label: 'second' });
    await expect(other.app.orders.place(person(), { accountId: account.id, lines: [wpayLine(1)] })).rejects.toBeInstanceOf(EngineBusy);
  });

  it('cancels a Wpay order inside its window, and refuses once the window has passed', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const clock = new MovableClock();
    const c = await core(dataDir, { clock, sandbox: { processing: { baseMs: 60_000, perCardMs: 0 } } });
    const account = c.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await c.app.orders.place(person(), { accountId: account.id, lines: [wpayLine(100)], pollEverySeconds: 30 });
    const accepted = await c.engine.accepted(placed.id);
    expect(accepted.cancelAllowed).toBe(true);
    const cancelled = await c.app.orders.reverse(person(), placed.id);
    expect(cancelled.state).toBe('cancelled');
    const history = c.audit.list({ subject: `order:${placed.id}` });
    expect(history.map((e) => e.action)).toContain('order.reverse');
    expect(history.filter((e) => e.action === 'order.transition' && e.details.to === 'cancelled')).toHaveLength(1);

    const late = await c.app.orders.place(person(), { accountId: account.id, lines: [wpayLine(100)], pollEverySeconds: 30 });
    await c.engine.accepted(late.id);
    clock.advance(60 * 60_000);
    await expect(c.app.orders.reverse(person(), late.id)).rejects.toThrow(/minutes after the order was accepted/);
    expect(c.orders.get(late.id).state).not.toBe('cancelled');
  });
});
