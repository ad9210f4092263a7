import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openCore, person } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { moveOrderTo } from '../support/order-states';
import { storeOrder } from '../support/order-with-cards';
import { tempDir } from '../support/temp-dir';
import { scriptCommand } from '../support/test-bundle';

// A hand-out of 5,000 cards is one transaction: a process killed (SIGKILL: no handler runs, nothing is flushed)
// while it reserves them leaves, after a restart, either all 5,000 reserved in one hand-out, or none and no hand-out.

const CARDS = 5_000;
const TRIALS = 6;
const staff = person('crash-test', 'cli');

/** Runs the child; kills it `killAfterMs` after it says it starts reserving (never, when null). */
function makeHandout(dataDir: string, killAfterMs: number | null): Promise<{ killed: boolean; ms: number | null }> {
  const [node, ...script] = scriptCommand('test/support/handout-child.ts');
  const child = spawn(node!, [...script, dataDir, 'TESTSKU', '2500', String(CARDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let killed = false;
  child.stdout.on('data', (d: Buffer) => {
    const before = out;
    out += d.toString('utf8');
    if (killAfterMs !== null && !before.includes('reserving') && out.includes('reserving')) {
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
      }, killAfterMs);
    }
  });
  return new Promise((resolve, reject) =>
    child.once('close', (code, signal) => {
      if (signal === null && code !== 0) return reject(new Error(`the hand-out child failed (exit ${code})`));
      const done = /done (\d+)/.exec(out);
      resolve({ killed: killed && !done, ms: done ? Number(done[1]) : null });
    }),
  );
}

/** Opens the store again and checks all or none; returns how many were reserved, and puts them back for the next try. */
async function reservedAfterRestart(dataDir: string): Promise<number> {
  const core = await openCore(dataDir, { sandbox: false });
  try {
    const line = core.app.custody.stock(staff).lines.find((l) => l.sku === 'TESTSKU')!;
    const reserved = line.counts.reserved;
    expect([0, CARDS]).toContain(reserved);
    expect(line.counts['in-stock'] + reserved).toBe(CARDS + 200);
    // The hand-out and its cards went in together, or neither did.
    const handouts = core.app.custody.listHandouts(staff);
    expect(handouts.map((h) => h.reserved + h.returned).filter((n) => n !== CARDS)).toEqual([]);
    const live = handouts.filter((h) => h.reserved > 0);
    expect(live.map((h) => h.reserved)).toEqual(reserved ? [CARDS] : []);
    for (const h of live) core.app.custody.returnRest(staff, h.id);
    return reserved;
  } finally {
    await core.close();
  }
}

test(`SIGKILL while a ${CARDS.toLocaleString('en')}-card hand-out is made: after restart all are reserved or none`, async () => {
  const dataDir = path.join(tempDir(), 'data');
  const seed = await openCore(dataDir, { sandbox: false });
  moveOrderTo(seed.orders, storeOrder(seed, fakeCards(CARDS + 200)), 'complete');
  await seed.close();

  // How long the reserving takes here, to kill at moments spread over it.
  const timed = await makeHandout(dataDir, null);
  expect(timed.ms).not.toBeNull();
  expect(await reservedAfterRestart(dataDir)).toBe(CARDS);

  const outcomes: { killAfterMs: number; killed: boolean; reserved: number }[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const killAfterMs = Math.round(((trial + 0.5) / TRIALS) * timed.ms! * 1.2);
    const run = await makeHandout(dataDir, killAfterMs);
    outcomes.push({ killAfterMs, killed: run.killed, reserved: await reservedAfterRestart(dataDir) });
  }
  // At least one kill landed while the cards were being reserved, and left none reserved.
  expect(outcomes.some((o) => o.killed && o.reserved === 0), JSON.stringify(outcomes)).toBe(true);
}, 300_000);
