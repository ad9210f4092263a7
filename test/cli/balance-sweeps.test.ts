import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, person } from '../support/core';
import { addWpayAccount, collect, jsonLines, spawnCli, testCoreEnv, type CliResult } from '../support/cli';
import { fakeCards } from '../support/fake-cards';
import { issuedCards } from '../support/issued-cards';
import { startSandboxProcess, type SandboxProcess } from '../support/sandbox-process';
import { tempDir } from '../support/temp-dir';
import { scriptCommand } from '../support/test-bundle';

// Wpay's minute, shortened on both sides: the sandbox process counts in windows of this length, every Giftdesk
// process (the CLI, the lease holder) keeps to it.
const WINDOW_MS = 1_500;
const LIMIT = 50;
const TIMING = { windowMs: WINDOW_MS, marginMs: 300, watchMs: 150, retryBaseMs: 100 };
const ENV = testCoreEnv({ balanceTiming: TIMING });

let root: string;
beforeAll(() => {
  root = tempDir('giftdesk-balance-cli-');
});

const sandboxes: SandboxProcess[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
});

/** A data folder whose Wpay account (rate 50) speaks to a sandbox process of its own, holding `count` issued cards. */
async function folderWithIssuedCards(name: string, count: number) {
  const sandbox = await startSandboxProcess(path.join(root, `${name}-provider`), {
    processing: { baseMs: 200, perCardMs: 0 },
    balances: { limit: LIMIT, windowMs: WINDOW_MS, spendOverMs: 0 },
  });
  sandboxes.push(sandbox);
  const dataDir = path.join(root, name);
  await addWpayAccount(dataDir, 'Shop', sandbox.url, sandbox.apiKey, ['--balance-rate', String(LIMIT)]);
  const core = await openCore(dataDir, { sandbox: false });
  try {
    const account = core.accounts.findByName('Shop')!;
    expect(account.balanceRatePerMinute).toBe(LIMIT);
    const { cardIds } = await issuedCards(core, account.id, count);
    const cards = cardIds.map((id) => core.cards.get(id)!);
    return { sandbox, dataDir, accountId: account.id, cards };
  } finally {
    await core.close();
  }
}

const balanceCli = (dataDir: string, args: string[]) => spawnCli(dataDir, ['--json', 'balance', ...args], '', undefined, [], { env: ENV });

/** Each card's answers recorded by a sweep. */
async function answersBySweep(dataDir: string, sweepId: number) {
  const core = await openCore(dataDir, { sandbox: false });
  try {
    const answers = core.balances.answersOf(sweepId);
    return { answers, progress: core.app.balances.progress(person(), sweepId) };
  } finally {
    await core.close();
  }
}

describe('balance from the CLI', () => {
  it('is driven by the process that holds the lease when another one does, and the rate still holds', async () => {
    const { sandbox, dataDir, cards } = await folderWithIssuedCards('held', 130);
    const [node, ...script] = scriptCommand('test/support/lease-holder-child.ts');
    const holder = spawn(node!, [...script, dataDir, JSON.stringify(TIMING)], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: holder.stdout! }).once('line', () => resolve());
        holder.once('exit', (code) => reject(new Error(`the lease holder exited with ${code}`)));
      });
      const run = await collect(balanceCli(dataDir, ['--issued']));
      expect(run.code, run.stderr).toBe(0);
      const events = jsonLines<{ event: string; sweep: number; state: string; answered: number; driver: string | null }>(run.stdout);
      const end = events.find((e) => e.event === 'sweep')!;
      expect(end).toMatchObject({ state: 'done', answered: 130 });
      // The lease holder drove it: the CLI only recorded it and followed.
      expect(end.driver).toContain(`lease holder, pid ${holder.pid}`);
      expect(events.filter((e) => e.event === 'progress').length).toBeGreaterThan(2);
      expect(events.filter((e) => e.event === 'card')).toHaveLength(130);

      const stats = await sandbox.stats();
      expect(stats.balanceChecks).toMatchObject({ requests: 130, throttled: 0 });
      expect(stats.balanceChecks.maxInWindow).toBeLessThanOrEqual(LIMIT);
      const { answers } = await answersBySweep(dataDir, end.sweep);
      const byCard = new Map(answers.map((a) => [a.cardId, a]));
      for (const card of cards) expect(byCard.get(card.id)?.balanceCents).toBe(stats.balancesAnswered[card.number!]!.balanceCents);
    } finally {
      holder.kill('SIGTERM');
    }
  }, 120_000);

  it('killed with SIGKILL mid-sweep, then resumed: every card has exactly one answer, at most the in-flight check was sent twice, and the persisted window held across the restart', async () => {
    const { sandbox, dataDir, cards } = await folderWithIssuedCards('killed', 130);
    const child = balanceCli(dataDir, ['--issued']);
    const killedAt = await new Promise<{ sweep: number; answered: number }>((resolve, reject) => {
      let buffer = '';
      child.stdout!.on('data', (d: Buffer) => {
        buffer += d.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const e of jsonLines<{ event: string; sweep: number; answered: number }>(lines.join('\n'))) {
          if (e.event === 'progress' && e.answered >= 40) {
            process.kill(-child.pid!, 'SIGKILL');
            resolve(e);
          }
        }
      });
      child.once('close', () => reject(new Error('the sweep ended before the kill')));
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(killedAt.answered).toBeLessThan(130);

    const resumed: CliResult = await collect(spawnCli(dataDir, ['--json', 'resume'], '', undefined, [], { env: ENV }));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(jsonLines<{ event: string; state: string; answered: number }>(resumed.stdout).find((e) => e.event === 'sweep')).toMatchObject({ state: 'done', answered: 130 });

    const { answers, progress } = await answersBySweep(dataDir, killedAt.sweep);
    expect(answers).toHaveLength(130);
    expect(new Set(answers.map((a) => a.cardId)).size).toBe(130);
    const stats = await sandbox.stats();
    const twice = cards.reduce((n, c) => n + (stats.balancesAnswered[c.number!]!.times - 1), 0);
    // One lane per account, one request in flight: at most that one went out twice.
    expect(twice).toBeLessThanOrEqual(1);
    expect(progress.resent).toBeLessThanOrEqual(1);
    expect(stats.balanceChecks.requests).toBeLessThanOrEqual(131);
    expect(stats.balanceChecks.throttled).toBe(0);
    expect(stats.balanceChecks.maxInWindow).toBeLessThanOrEqual(LIMIT);
  }, 120_000);

  it('cancels a --detach-ed sweep with --cancel SWEEP: nothing is asked for it afterwards, not even by a resume', async () => {
    const { sandbox, dataDir } = await folderWithIssuedCards('cancelled', 3);
    const detached = await collect(balanceCli(dataDir, ['--issued', '--detach']));
    expect(detached.code, detached.stderr).toBe(0);
    const started = jsonLines<{ event: string; sweep: number; state: string }>(detached.stdout).find((e) => e.event === 'started')!;
    expect(started.state).toBe('queued');

    const cancelled = await collect(balanceCli(dataDir, ['--cancel', String(started.sweep)]));
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(jsonLines<{ event: string; sweep: number; state: string }>(cancelled.stdout)).toEqual([expect.objectContaining({ event: 'sweep', sweep: started.sweep, state: 'cancelled' })]);
    const again = await collect(spawnCli(dataDir, ['balance', '--cancel', String(started.sweep)], '', undefined, [], { env: ENV }));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/cancelled/);

    const resumed = await collect(spawnCli(dataDir, ['--json', 'resume'], '', undefined, [], { env: ENV }));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await sandbox.stats()).balanceChecks.requests).toBe(0);
    expect((await answersBySweep(dataDir, started.sweep)).answers).toHaveLength(0);
  }, 120_000);

  it('never prints a card number or PIN, not even with the provider failing and echoing them back', async () => {
    const { sandbox, dataDir, accountId, cards } = await folderWithIssuedCards('faulty', 20);
    // Cards the provider does not know: its refusal names the number and PIN it was sent.
    const core = await openCore(dataDir, { sandbox: false });
    const strangers = fakeCards(5, 9).map((c) => ({ ...c, sku: 'WWQ651BHNWSH', amountCents: 1_000 }));
    try {
      const order = core.orders.createDraft({ accountId, clientReference: 'GD-STRANGERS', currency: 'AUD', lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1_000, quantity: 5 }] }, Date.now());
      core.cards.insertMany(order.id, strangers, Date.now());
      const handout = core.app.custody.createHandout(person(), { name: 'Strangers', accountId, take: [{ sku: 'WWQ651BHNWSH', amountCents: 1_000, count: 5 }] });
      expect(core.app.custody.issue(person(), handout.id, strangers.map((c) => ({ scan: c.barcode! }))).issued).toBe(true);
    } finally {
      await core.close();
    }
    await sandbox.setFaults({ errorRate: 0.2, rate429: 0.1, retryAfterSeconds: 1, latencyMs: 5, seed: 17 });
    const run = await collect(spawnCli(dataDir, ['balance', '--issued'], '', undefined, [], { env: ENV }));
    const json = await collect(spawnCli(dataDir, ['--json', 'balance', '--issued'], '', undefined, [], { env: ENV }));
    const output = [run.stdout, run.stderr, json.stdout, json.stderr].join('\n');
    // The strangers' refusals came through, in the provider's words, scrubbed.
    expect(output).toMatch(/not found or PIN \[removed\] does not match/);
    expect(run.code).toBe(1);
    for (const card of [...cards, ...strangers]) {
      expect(output).not.toContain(card.number!);
      expect(output).not.toContain(card.number!.slice(0, 12));
    }
    for (const card of strangers) expect(output).not.toContain(card.pin!);
    // Sandbox PINs are four digits: never next to the word PIN or in a "pin" field.
    for (const card of cards) expect(output).not.toMatch(new RegExp(`(pin\\W{0,4})${card.pin}\\b`, 'i'));
    expect((await sandbox.stats()).faultsInjected.errors).toBeGreaterThan(0);
  }, 120_000);
});
