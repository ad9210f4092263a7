import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSubmits } from '../support/call-log';
import { cardCounts, openCore } from '../support/core';
import { addWpayAccount, collect, jsonLines, runCli, spawnCli } from '../support/cli';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

const QUANTITY = 2_000;
const TRIALS = 30;
const LANES = 3;

type Phase = 'startup' | 'draft' | 'submitting' | 'polling' | 'paginating';
const PHASES: Phase[] = ['startup', 'draft', 'submitting', 'polling', 'paginating'];

let sandbox: SandboxProcess;
let root: string;

beforeAll(async () => {
  root = tempDir('giftdesk-crash-');
  // The provider lives in a process of its own: killing the app must not kill what it ordered from.
  sandbox = await startSandboxProcess(path.join(root, 'provider'), {
    processing: { baseMs: 300, perCardMs: 0.5 },
    faults: { latencyMs: 60, seed: 7 },
  });
});
afterAll(() => sandbox?.stop());

/** Starts an order and kills the whole CLI process group at a random moment of the chosen phase. */
async function orderAndKill(dataDir: string, phase: Phase, random: () => number): Promise<{ killedAt: string }> {
  const child = spawnCli(dataDir, ['--json', 'order', '--account', 'Provider', '--sku', 'WWQ651BHNWSH', '--amount', '10.00', '--qty', String(QUANTITY), '--poll-every', '0.3']);
  const done = collect(child);
  const kill = (why: string) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    return why;
  };
  const killedAt = await new Promise<string>((resolve) => {
    let armed = false;
    const arm = (why: string, maxDelayMs: number) => {
      if (armed) return;
      armed = true;
      setTimeout(() => resolve(kill(why)), Math.floor(random() * maxDelayMs));
    };
    // The bundled test CLI has its order's draft written about half a second after it starts.
    if (phase === 'startup') arm('startup', 600);
    let buffer = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      const complete = buffer.slice(0, buffer.lastIndexOf('\n') + 1);
      for (const event of jsonLines<{ state?: string; cards?: number }>(complete)) {
        if (phase === 'draft' && event.state === 'draft') arm('draft', 1);
        if (phase === 'submitting' && event.state === 'submitting') arm('submitting', 200);
        if (phase === 'polling' && (event.state === 'accepted' || event.state === 'processing')) arm('polling', 800);
        if (phase === 'paginating' && event.state === 'fetching' && (event.cards ?? 0) > 0) arm('paginating', 150);
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.once('close', () => resolve('finished before the kill'));
  });
  await done;
  return { killedAt };
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('crash and resume', () => {
  it(`kills the CLI ${TRIALS} times at random moments of a ${QUANTITY}-card order; resume always ends with exactly ${QUANTITY} cards, one provider order, and no send the provider had not asked for`, async () => {
    const random = seeded(20261122);
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const dataDir = path.join(root, `app-${lane}`);
        await addWpayAccount(dataDir, 'Provider', sandbox.url, sandbox.apiKey);
        return dataDir;
      }),
    );
    const outcomes: { lane: number; phase: Phase; killedAt: string }[] = [];
    await Promise.all(
      lanes.map(async (dataDir, lane) => {
        for (let trial = lane; trial < TRIALS; trial += LANES) {
          const phase = PHASES[trial % PHASES.length]!;
          const { killedAt } = await orderAndKill(dataDir, phase, random);
          outcomes.push({ lane, phase, killedAt });
          const resumed = await runCli(dataDir, ['--json', 'resume', '--poll-every', '0.3']);
          expect(resumed.code, resumed.stderr).toBe(0);
        }
      }),
    );

    // Every kill phase was really hit, not just the start.
    for (const phase of PHASES) expect(outcomes.filter((o) => o.killedAt === phase).length, phase).toBeGreaterThan(0);

    const stats = await sandbox.stats();
    let orders = 0;
    const submits: number[] = [];
    for (const dataDir of lanes) {
      const core = await openCore(dataDir);
      try {
        for (const order of core.orders.list()) {
          orders += 1;
          expect(order.state, `${order.clientReference}: ${order.stateReason}`).toBe('complete');
          expect(cardCounts(core, order.id)).toEqual({ n: QUANTITY, distinct: QUANTITY });
          expect(stats.ordersByReference[order.clientReference], order.clientReference).toBe(1);
          // The provider refuses a repeated refno, so "one order" cannot show a re-send: the submits can.
          const sent = auditSubmits(stats.calls[order.clientReference]);
          expect(sent, order.clientReference).toMatchObject({ unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
          expect(sent.submits, order.clientReference).toBeGreaterThanOrEqual(1);
          submits.push(sent.submits);
        }
      } finally {
        await core.close();
      }
    }
    // A kill before the draft was committed leaves no order at all (nothing was sent); every other trial left one.
    const orphaned = Object.keys(stats.ordersByReference).length;
    expect(orphaned).toBe(orders);
    expect(orders).toBeGreaterThanOrEqual(TRIALS - outcomes.filter((o) => o.killedAt === 'startup').length);
    // A send is repeated only where the kill came before it reached the provider and a lookup then found nothing;
    // most orders were sent exactly once.
    expect(submits.filter((n) => n === 1).length).toBeGreaterThan(orders / 2);
  }, 600_000);

  it('a kill after the provider took the order but before its answer arrived: resume finds it by reference and never sends it again', async () => {
    const dataDir = path.join(root, 'app-held');
    await addWpayAccount(dataDir, 'Provider', sandbox.url, sandbox.apiKey);
    const known = new Set(Object.keys((await sandbox.stats()).ordersByReference));
    await sandbox.setFaults({ holdAfterAcceptMs: 5_000 });
    try {
      const child = spawnCli(dataDir, ['--json', 'order', '--account', 'Provider', '--sku', 'WWQ651BHNWSH', '--amount', '10.00', '--qty', String(QUANTITY), '--poll-every', '0.3']);
      const done = collect(child);
      let reference: string | undefined;
      for (let i = 0; i < 200 && !reference; i++) {
        await new Promise((r) => setTimeout(r, 50));
        reference = Object.keys((await sandbox.stats()).ordersByReference).find((r) => !known.has(r));
      }
      expect(reference, 'the provider never took the order').toBeDefined();
      process.kill(-child.pid!, 'SIGKILL');
      await done;
    } finally {
      await sandbox.setFaults({ holdAfterAcceptMs: 0 });
    }

    const before = await openCore(dataDir);
    const [sent] = before.orders.list();
    await before.close();
    // The app died knowing only that it had sent the order.
    expect(sent).toMatchObject({ state: 'submitting', submitAttempts: 1, providerOrderId: null });

    const resumed = await runCli(dataDir, ['--json', 'resume', '--poll-every', '0.3']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = await openCore(dataDir);
    try {
      const order = after.orders.get(sent!.id);
      expect(order.state).toBe('complete');
      expect(after.cards.count(order.id)).toBe(QUANTITY);
      expect(order.submitAttempts).toBe(1);
    } finally {
      await after.close();
    }
    const stats = await sandbox.stats();
    expect(stats.ordersByReference[sent!.clientReference]).toBe(1);
    expect(stats.submitsByReference[sent!.clientReference]).toBe(1);
    const calls = stats.calls[sent!.clientReference]!;
    expect(calls[0]).toEqual({ call: 'submit', outcome: 'taken', answered: true });
    expect(calls[1]).toEqual({ call: 'lookup', outcome: 'found', answered: true });
    expect(auditSubmits(calls)).toMatchObject({ submits: 1, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 });
  }, 120_000);
});
