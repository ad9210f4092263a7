import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../main/core/audit/vocabulary';
import { createCore, type Core } from '../../main/core/create-core';
import { dispatch } from '../../main/electron/ipc/dispatch';
import { handlers } from '../../main/electron/ipc/handlers';
import { ipcContext } from '../support/desktop';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { channels } from '../../shared/ipc/contract';
import { nextOrderState, type OrderState } from '../../shared/order-state-machine';
import { addWpayAccount, collect, jsonLines, runCli, spawnCli } from '../support/cli';
import { openCore, realKeychain, testVault } from '../support/core';
import { startSandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';

// An order driven through provider faults and a restart, once through the desktop app's IPC and once from the CLI:
// its audit log holds exactly one entry per state change, each in the one vocabulary and allowed by the table.

const VOCABULARY = ['account.add', 'account.edit', 'account.remove', 'order.place', 'order.transition', 'order.reverse', 'cards.reveal'];

/** The order's history oldest first, checked as a chain: every change recorded once, none invented, none skipped. */
function expectOneEntryPerStateChange(history: AuditEntry[], finalState: OrderState, seen: OrderState[]): void {
  const entries = [...history].reverse();
  for (const e of entries) {
    expect(e.recorded, `${e.action} is written in the vocabulary`).toBeNull();
    expect(VOCABULARY).toContain(e.action);
  }
  const changes = entries.flatMap((e) => (e.action === 'order.transition' && e.recorded === null ? [e.details] : []));
  expect(changes[0]?.from).toBe('draft');
  changes.forEach((c, i) => {
    expect(c.to, `change ${i} is a change`).not.toBe(c.from);
    expect(c.event && nextOrderState(c.from, c.event), `${c.from} + ${c.event}`).toBe(c.to);
    if (i > 0) expect(c.from, `change ${i} starts where change ${i - 1} ended`).toBe(changes[i - 1]!.to);
  });
  expect(changes.at(-1)?.to).toBe(finalState);
  // Every state a listener saw the order in is one the log has, in the same order.
  const logged = ['draft', ...changes.map((c) => c.to)];
  let at = 0;
  for (const state of seen) {
    const found = logged.indexOf(state, at);
    expect(found, `${state} (seen) is in the log after ${logged[at]}`).toBeGreaterThanOrEqual(0);
    at = found;
  }
}

function watchStates(core: Core, into: OrderState[]): () => void {
  return core.engine.onProgress((p) => {
    if (into.at(-1) !== p.state) into.push(p.state);
  });
}

describe('one audit entry per state change, through faults and a restart', () => {
  const cores: Core[] = [];
  afterAll(async () => {
    for (const c of cores) await c.close();
  });

  it('for an order placed through the desktop app’s IPC', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const open = async (faults: Parameters<typeof createFaultInstruments>[0]) => {
      const core = await createCore({
        dataDir,
        keychain: realKeychain,
        ...testVault(),
        label: 'audit test',
        sandbox: { instruments: createFaultInstruments(faults), processing: { baseMs: 1_500, perCardMs: 1 } },
        providerClient: { retry: { baseDelayMs: 20, maxDelayMs: 200 } },
      });
      cores.push(core);
      return core;
    };
    const seen: OrderState[] = [];
    const first = await open({ dropAfterAcceptRate: 1, errorRate: 0.3, rate429: 0.1, retryAfterSeconds: 0, seed: 5 });
    const stop = watchStates(first, seen);
    const account = first.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await dispatch(
      channels,
      handlers,
      'orders.place',
      { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1000, quantity: 300 }], reference: 'audit-ipc-1', pollEverySeconds: 1 },
      ipcContext(first),
    );
    if (!placed.ok) throw new Error(placed.error.message);
    const orderId = (placed.value as { id: number }).id;
    const accepted = await first.engine.accepted(orderId);
    expect(['accepted', 'processing']).toContain(accepted.state);
    stop();
    await first.close();
    cores.splice(cores.indexOf(first), 1);

    // The restart: another process picks the order up where the store says, under other faults — and with a key
    // someone broke meanwhile, so that the order needs a person, who fixes the key and presses "check now".
    const second = await open({ errorRate: 0.3, rate429: 0.2, retryAfterSeconds: 0, seed: 9 });
    const stopAgain = watchStates(second, seen);
    const ipc = (channel: string, payload: unknown) =>
      dispatch(channels, handlers, channel, payload, ipcContext(second));
    expect(await ipc('accounts.edit', { id: account.id, apiKey: 'not-the-sandbox-key-0000' })).toMatchObject({ ok: true });
    second.engine.resumeAll({ pollEverySeconds: 0.3 });
    expect((await second.engine.settled(orderId)).state).toBe('needs-attention');
    expect(await ipc('accounts.edit', { id: account.id, apiKey: (await second.providers.sandbox()).apiKey })).toMatchObject({ ok: true });
    expect(await ipc('orders.checkNow', { orderId })).toMatchObject({ ok: true });
    const done = await second.engine.settled(orderId);
    stopAgain();
    expect(done.state, done.stateReason ?? '').toBe('complete');

    const history = second.audit.list({ subject: `order:${orderId}`, limit: 1000 });
    expect(history.filter((e) => e.action === 'order.place')).toMatchObject([{ actor: { via: 'desktop', user: second.user } }]);
    // The resume is the person's act, recorded as theirs; every other change is the engine's.
    const resumes = history.filter((e) => e.action === 'order.transition' && e.details.from === 'needs-attention');
    expect(resumes).toMatchObject([{ actor: { via: 'desktop' }, details: { event: 'resume-fetch' } }]);
    expectOneEntryPerStateChange(history, 'complete', seen);
    expect((await second.providers.sandbox()).stats().ordersByReference['audit-ipc-1']).toBe(1);
  }, 120_000);

  it('for an order placed from the CLI, killed while the provider processes it, and resumed', async () => {
    const root = tempDir('giftdesk-audit-cli-');
    const sandbox = await startSandboxProcess(path.join(root, 'provider'), {
      processing: { baseMs: 2_000, perCardMs: 0.5 },
      faults: { dropAfterAcceptRate: 1, errorRate: 0.3, seed: 3 },
    });
    try {
      const dataDir = path.join(root, 'app');
      await addWpayAccount(dataDir, 'Provider', sandbox.url, sandbox.apiKey);
      const child = spawnCli(dataDir, ['--json', 'order', '--account', 'Provider', '--sku', 'WWQ651BHNWSH', '--amount', '10.00', '--qty', '300', '--poll-every', '0.3']);
      const finished = collect(child);
      const seen: OrderState[] = [];
      await new Promise<void>((resolve) => {
        let buffer = '';
        child.stdout!.on('data', (d: Buffer) => {
          buffer += d.toString('utf8');
          for (const line of jsonLines<{ state?: OrderState }>(buffer.slice(0, buffer.lastIndexOf('\n') + 1))) {
            if (line.state && seen.at(-1) !== line.state) seen.push(line.state);
            if (line.state === 'processing') {
              process.kill(-child.pid!, 'SIGKILL');
              resolve();
            }
          }
          buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        });
        child.once('close', () => resolve());
      });
      await finished;
      const resumed = await runCli(dataDir, ['--json', 'resume', '--poll-every', '0.3']);
      expect(resumed.code, resumed.stderr).toBe(0);
      for (const line of jsonLines<{ state?: OrderState }>(resumed.stdout)) if (line.state && seen.at(-1) !== line.state) seen.push(line.state);

      const core = await openCore(dataDir, { sandbox: false });
      cores.push(core);
      const [order] = core.orders.list();
      expect(order!.state).toBe('complete');
      const history = core.audit.list({ subject: `order:${order!.id}`, limit: 1000 });
      expect(history.filter((e) => e.action === 'order.place')).toMatchObject([{ actor: { via: 'cli' } }]);
      expect(history.filter((e) => e.action === 'order.transition').every((e) => e.actor.via === 'engine')).toBe(true);
      expectOneEntryPerStateChange(history, 'complete', seen);
      expect((await sandbox.stats()).ordersByReference[order!.clientReference]).toBe(1);
    } finally {
      await sandbox.stop();
    }
  }, 120_000);
});
