import { EventEmitter } from 'node:events';
import os from 'node:os';
import { isSweepOver } from '../../../shared/balance-sweep-state-machine';
import type { OrderEngine } from '../engine/engine-api';
import { EngineBusy } from '../engine/engine-lease';
import { isLeaseLost } from '../store/errors';
import type { Sweep } from '../store/repos/balances';
import { driveSweep, type SweepDriverDeps } from './drive-sweep';

export interface BalanceEngineDeps extends Omit<SweepDriverDeps, 'driver' | 'changed'> {
  /** The order engine's lease: one process drives a data folder's orders and sweeps. */
  lease: Pick<OrderEngine, 'claim' | 'holdsLease' | 'fenced'>;
  /** This process, as another one is told ("desktop app", "CLI"). */
  label: string;
}

/**
 * Drives balance sweeps in the process that holds the engine lease, as orders are. A sweep recorded by another
 * process (a CLI `balance` while the desktop app holds the lease) is found by looking at the store every `watchMs`;
 * a process that follows a sweep takes the lease over when its holder went away, and drives it on from its commits.
 */
export function createBalanceEngine(deps: BalanceEngineDeps) {
  const running = new Map<number, { abort: AbortController; done: Promise<void> }>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const driver = `${deps.label}, pid ${process.pid} on ${os.hostname()}`;
  const changed = (sweepId: number) => void events.emit('change', sweepId);
  // The driver's writes go through the lease's fence, as the order engine's do: a process that stalled past its lease
  // and wakes records nothing more (no late answer, no slot taken) once another one drives the folder.
  const fenced = <A extends unknown[], R>(write: (...args: A) => R) => (...args: A): R => deps.lease.fenced(() => write(...args));
  const balances: SweepDriverDeps['balances'] = {
    ...deps.balances,
    transition: fenced(deps.balances.transition),
    note: fenced(deps.balances.note),
    takeSlot: fenced(deps.balances.takeSlot),
    recordAnswer: fenced(deps.balances.recordAnswer),
  };
  let followers = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const drive = (sweepId: number) => {
    if (running.has(sweepId) || stopped) return;
    const abort = new AbortController();
    const done = driveSweep({ ...deps, balances, driver, changed }, sweepId, abort.signal)
      .catch((err: unknown) => {
        // Another process drives the folder now (the order engine stops on it too): this one writes nothing more.
        if (isLeaseLost(err)) return;
        // Not a provider answer (a bug, a full disk): the commits stand, and the next look at the store tries again.
        try {
          balances.note(sweepId, { lastError: `Internal error: ${err instanceof Error ? err.message : String(err)}` }, deps.clock.now());
        } catch {
          // The note could not be written either (the lease went meanwhile, the disk is full): the commits stand.
        }
      })
      .finally(() => {
        running.delete(sweepId);
        changed(sweepId);
      });
    running.set(sweepId, { abort, done });
  };

  /** Takes the lease when no live process holds it; false when one does (it drives the sweeps then). */
  const claim = (): boolean => {
    try {
      deps.lease.claim();
      return true;
    } catch (err) {
      if (err instanceof EngineBusy) return false;
      throw err;
    }
  };

  const look = () => {
    if (stopped) return;
    if (!deps.lease.holdsLease() && running.size > 0) {
      // The lease went to another process (this one stalled past it): that one drives the sweeps now.
      for (const task of running.values()) task.abort.abort();
      return;
    }
    if (!deps.lease.holdsLease() && (followers === 0 || !claim())) return;
    for (const sweep of deps.balances.open()) drive(sweep.id);
    // A sweep cancelled from another process: its driver here stops at once instead of at its next card.
    for (const [id, task] of running) if (isSweepOver(deps.balances.get(id).state)) task.abort.abort();
  };

  const watch = () => {
    if (timer || stopped) return;
    timer = setInterval(look, deps.timing.watchMs);
    timer.unref();
  };
  watch();

  return {
    /** Drives the sweep here if this process can hold the lease; otherwise the process that holds it will. */
    start(sweepId: number): void {
      if (claim()) drive(sweepId);
    },
    /** Carries every unfinished sweep on (a `resume`, the desktop app's start); the ones found. */
    resumeAll(): Sweep[] {
      const open = deps.balances.open();
      if (open.length > 0 && claim()) for (const s of open) drive(s.id);
      return open;
    },
    /** Stops this process's driver of the sweep at once (after a cancel), its commits standing. */
    async halt(sweepId: number): Promise<void> {
      const task = running.get(sweepId);
      task?.abort.abort();
      await task?.done;
    },
    /**
     * Calls `listener` whenever the sweep moves, here or in the process driving it (seen in the store every
     * watchMs), until it is over; resolves with it then. While followed, this process takes the lease over if its
     * holder goes away.
     */
    async follow(sweepId: number, listener: (sweep: Sweep) => void): Promise<Sweep> {
      followers += 1;
      let wake = new AbortController();
      const onChange = (id: number) => {
        if (id === sweepId) wake.abort();
      };
      events.on('change', onChange);
      try {
        for (;;) {
          const sweep = deps.balances.get(sweepId);
          listener(sweep);
          if ((isSweepOver(sweep.state) && !running.has(sweepId)) || stopped) return sweep;
          if (!wake.signal.aborted) await deps.clock.sleep(deps.timing.watchMs, wake.signal).catch(() => undefined);
          wake = new AbortController();
        }
      } finally {
        events.off('change', onChange);
        followers -= 1;
      }
    },
    onChange(listener: (sweepId: number) => void): () => void {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      for (const task of running.values()) task.abort.abort();
      await Promise.allSettled([...running.values()].map((t) => t.done));
    },
  };
}

export type BalanceEngine = ReturnType<typeof createBalanceEngine>;
