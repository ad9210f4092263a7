import { mkdirSync } from 'node:fs';
import { WPAY_SKUS } from './catalog';
import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../core/clock';
import { createBalanceWindow, DEFAULT_BALANCE_RATE } from './balance-window';
import { createCardGenerator } from './card-generator';
import type { SandboxContext } from './context';
import { createRequestListener } from './router';
import { lockStateDir } from './state-lock';
import { SandboxStateStore } from './state-store';
import { SandboxStatsRecorder } from './stats';
import type { ProcessingConfig, SandboxHandle, SandboxOptions } from './types';

export const DEFAULT_PROCESSING: ProcessingConfig = {
  baseMs: 2_000,
  perCardMs: 2,
  realtimeWaitMs: 5_000,
  reverseWithinMinutes: 15,
};

/**
 * Starts the built-in sandbox: both provider APIs on a loopback port, with its orders kept in `stateDir` so that
 * they survive a restart (on a new port) with the same cards, still processing from when they were taken.
 */
export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const clock = options.clock ?? systemClock;
  const host = options.host ?? '127.0.0.1';
  // The sandbox has no TLS (and, in tests, an admin endpoint without a key): it must never listen beyond this machine.
  if (!LOOPBACK.has(host)) throw new Error(`The sandbox listens on loopback only, not on ${host}.`);
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const unlock = lockStateDir(options.stateDir);
  try {
    return await listen(options, clock, host, unlock);
  } catch (e) {
    unlock();
    throw e;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function listen(options: SandboxOptions, clock: Clock, host: string, unlock: () => void): Promise<SandboxHandle> {
  const store = new SandboxStateStore(options.stateDir, options.apiKey);
  const stats = new SandboxStatsRecorder();
  const balances = { ...DEFAULT_BALANCE_RATE, ...options.balances };
  const balanceWindow = createBalanceWindow(balances);
  const ctx: SandboxContext = {
    store,
    cards: createCardGenerator(store.identity.cardSeed),
    clock,
    processing: { ...DEFAULT_PROCESSING, ...options.processing },
    stats,
    balances,
    balanceWindow,
  };
  const closing = new AbortController();
  // Every request held for latency listens on this one signal: many at once is normal here, not a leak.
  setMaxListeners(0, closing.signal);
  const statsSnapshot = () => stats.snapshot(store, clock.now(), balanceWindow.snapshot());
  const instruments = options.instruments?.attach({ store, clock, stats: statsSnapshot, hostile: (which) => stats.hostile(which) }) ?? null;

  const server = createServer(createRequestListener({ ctx, instruments, signal: closing.signal }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const { identity } = store;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    apiKey: identity.apiKey,
    merchantId: identity.merchantId,
    clientProgramNumber: identity.clientProgramNumber,
    wpaySkus: WPAY_SKUS.map((s) => ({ code: s.sku, name: s.name, minCents: s.minCents, maxCents: s.maxCents, allowedCents: null })),
    stats: statsSnapshot,
    close: () =>
      new Promise<void>((resolve) => {
        // Held answers stop, the store takes no more writes, and only then is the folder let go, before the port
        // closes: whoever sees this sandbox stop answering may start the next one on the same folder at once.
        closing.abort(new Error('sandbox closed'));
        store.close();
        unlock();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
