import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Clock } from '../../main/core/clock';
import { createCore, type Core } from '../../main/core/create-core';
import type { PlaceOrderInput } from '../../main/core/app/orders/check-order';
import type { OrderProgress } from '../../main/core/engine/engine-api';
import type { ProviderClientOptions } from '../../main/core/providers/create-provider-client';
import type { WorkerEntry } from '../../main/core/workers/worker-entry';
import { createFaultInstruments, type FaultInstruments } from '../../main/sandbox/fault-instruments';
import type { ProcessingConfig, SandboxFaults, SandboxStats } from '../../main/sandbox/types';
import type { Order } from '../../shared/domain';
import { person, realKeychain, testVault } from './core';
import { withRawDb } from './raw-db';
import { warpClock } from './warp-clock';

// The real engine in this process, against the built-in sandbox over HTTP, on a clock that runs 20 times faster
// than the wall: the engine's own waits (30 s before a lookup, 2 s before fetching a short page again) all happen,
// in a twentieth of the time. Only in-process engine code counts for the mutation score (npm run mutate).

export const WARP = 20;

export interface EngineRig {
  core: Core;
  dataDir: string;
  account(flavor: 'wpay' | 'blackhawk'): string;
  sandbox(): Promise<{ stats(): SandboxStats; setFaults(f: Partial<SandboxFaults>): void }>;
  /** Places an order as a person at the desktop app would (the application layer's command). */
  place(input: PlaceOrderInput): Promise<Order>;
  /** "Check now", as a person presses it. */
  checkNow(orderId: number): Promise<void>;
  /** Stops and reopens the core on the same folder (a restart of the app); its sandbox restarts with it. `meanwhile`
   *  runs while both are down. */
  restart(meanwhile?: () => void): Promise<Core>;
  close(): Promise<void>;
}

export interface RigOptions {
  faults?: Partial<SandboxFaults>;
  processing?: Partial<ProcessingConfig>;
  clock?: Clock;
  dataDir?: string;
  /** The provider clients' timeouts and retries (e.g. no retries inside the client, so the engine sees each failure). */
  providerClient?: ProviderClientOptions;
  /** Another card writer thread (e.g. one whose disk is full). */
  cardWriter?: WorkerEntry;
}

/** A core on a fresh data folder; closed, and the folder removed, when the test ends. */
export async function engineRig(options: RigOptions = {}): Promise<EngineRig> {
  const owned = options.dataDir === undefined;
  const dataDir = options.dataDir ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'giftdesk-engine-')), 'data');
  const clock = options.clock ?? warpClock(WARP);
  // One set of fault switches for the life of the rig, so a restart keeps the faults a test has switched on.
  let instruments: FaultInstruments = createFaultInstruments(options.faults ?? {});
  let knobs: Partial<SandboxFaults> = { ...options.faults };
  const open = async () => {
    instruments = createFaultInstruments(knobs);
    return createCore({
      dataDir,
      keychain: realKeychain,
      ...testVault(),
      clock,
      label: 'engine test',
      ...(options.providerClient ? { providerClient: options.providerClient } : {}),
      ...(options.cardWriter ? { workers: { cardWriter: options.cardWriter } } : {}),
      sandbox: { instruments, processing: { baseMs: 1_000, perCardMs: 1, ...options.processing } },
    });
  };
  let closed = false;
  const rig: EngineRig = {
    core: await open(),
    dataDir,
    account(flavor) {
      return rig.core.accounts.findByName(flavor === 'wpay' ? 'Sandbox (Wpay)' : 'Sandbox (Blackhawk)')!.id;
    },
    async sandbox() {
      const running = await rig.core.providers.sandbox();
      return {
        stats: () => running.stats(),
        setFaults: (f: Partial<SandboxFaults>) => {
          knobs = { ...knobs, ...f };
          instruments.setFaults(f);
        },
      };
    },
    place: (input) => rig.core.app.orders.place(person(), input),
    async checkNow(orderId) {
      await rig.core.app.orders.checkNow(person(), orderId);
    },
    async restart(meanwhile) {
      await rig.core.close();
      meanwhile?.();
      rig.core = await open();
      return rig.core;
    },
    async close() {
      if (closed) return;
      closed = true;
      await rig.core.close();
    },
  };
  onTestFinished(async () => {
    await rig.close();
    if (owned) rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
  return rig;
}

type PlaceOrderLine = PlaceOrderInput['lines'][number];

export const wpayLine = (quantity: number, faceValueCents = 1_000): PlaceOrderLine => ({ sku: 'WWQ651BHNWSH', faceValueCents, quantity });
export const blackhawkLine = (quantity: number, faceValueCents = 2_500): PlaceOrderLine => ({ sku: 'BestBuy_eGift', faceValueCents, quantity });

/**
 * How long an order of these tests may take to settle, in wall time. Each settles in a second or two; an engine that
 * never settles one (a broken rule, or a mutant of one) fails the test here instead of hanging it. npm run mutate
 * shortens it, so that a mutant that stalls the engine is caught by the test before Stryker's own timeout, which
 * costs a restart of the test runner.
 */
export const SETTLE_LIMIT_MS = Number(process.env.GIFTDESK_SETTLE_LIMIT_MS ?? 15_000);

/** The promise, or a rejection saying what did not happen when it takes longer than SETTLE_LIMIT_MS. */
export async function withinSettleLimit<T>(what: string, orderId: number, promise: Promise<T>): Promise<T> {
  const limit = deadline<T>(what, orderId);
  try {
    return await Promise.race([promise, limit.promise]);
  } finally {
    limit.clear();
  }
}

function deadline<T>(what: string, orderId: number): { promise: Promise<T>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`order ${orderId}: ${what} did not happen within ${SETTLE_LIMIT_MS / 1000} s`)), SETTLE_LIMIT_MS);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/** The order once settled; rejects when it has not settled within SETTLE_LIMIT_MS. */
export async function settled(core: Core, orderId: number): Promise<Order> {
  const limit = deadline<Order>('settling', orderId);
  try {
    return await Promise.race([core.engine.settled(orderId), limit.promise]);
  } finally {
    limit.clear();
  }
}

/** Resolves with the first progress of the order that matches; rejects if the order settles first, or never. */
export function progressWhere(core: Core, orderId: number, matches: (p: OrderProgress) => boolean): Promise<OrderProgress> {
  const limit = deadline<OrderProgress>('the awaited progress', orderId);
  const seen = new Promise<OrderProgress>((resolve, reject) => {
    const off = core.engine.onProgress((p) => {
      if (p.orderId !== orderId) return;
      if (matches(p)) {
        off();
        resolve(p);
      }
    });
    void core.engine.settled(orderId).then((o) => {
      off();
      reject(new Error(`order settled ${o.state} (${o.stateReason ?? o.lastError ?? 'no reason'}) before the awaited progress`));
    });
  });
  return Promise.race([seen, limit.promise]).finally(limit.clear);
}

/** Stored cards per order line (line number → count), and how many distinct card numbers the order holds. */
export function storedPerLine(core: Core, order: Order): { perLine: Record<number, number>; distinct: number; total: number } {
  return withRawDb(core.dataDir, (db) => {
    const rows = db
      .prepare<[number], { line_no: number; n: number }>(
        'SELECT l.line_no, count(c.id) AS n FROM order_lines l LEFT JOIN cards c ON c.line_id = l.id WHERE l.order_id = ? GROUP BY l.id ORDER BY l.line_no',
      )
      .all(order.id);
    const all = db
      .prepare<[number], { total: number; distinct: number }>('SELECT count(*) AS total, count(DISTINCT coalesce(number, url)) AS "distinct" FROM cards WHERE order_id = ?')
      .get(order.id)!;
    return { perLine: Object.fromEntries(rows.map((r) => [r.line_no, r.n])), ...all };
  });
}
