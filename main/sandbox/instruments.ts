// What a test or the bench may plug into the sandbox: a fault layer in front of the provider APIs and the
// /__sandbox/* admin routes. Only types here: the code that injects faults (fault-instruments.ts) is imported by tests,
// the bench and serve.ts, never by the app, so a packaged build carries none of it.
import type { Clock } from '../core/clock';
import type { Reply, SandboxRequest } from './http-kit';
import type { SandboxStateStore } from './state-store';
import type { HostileCase } from './hostile-cases';
import type { SandboxApi, SandboxStats } from './types';

/** What a route does, for the faults that apply to it. */
export type RouteKind = 'submit' | 'lookup' | 'cards' | 'other';

/** What happens to one request. A submit's 5xx may come after the order was taken ("after"), as real providers do. */
export interface FaultPlan {
  delayMs: number;
  spike: boolean;
  throttle: boolean;
  error: 'none' | 'before' | 'after';
  drop: boolean;
  /** Card requests: the order is cancelled now; not ready yet; a page missing its last cards. */
  cancel: boolean;
  notReady: boolean;
  short: boolean;
  /** Status lookups (refuseStatusRate) or card requests (refuseCardsRate) of an order the sandbox holds: refused. */
  refuse: boolean;
  /** Wpay submits under a new refno: someone else's order already has it. */
  foreign: boolean;
}

/** The parts of a running sandbox an instrument works on. */
export interface SandboxInsides {
  store: SandboxStateStore;
  clock: Clock;
  stats(): SandboxStats;
  /** Counts a hostile answer given. */
  hostile(which: HostileCase): void;
}

/** Instruments bound to one running sandbox. */
export interface RequestInstruments {
  /** The answer to a /__sandbox/* request, or null for any other path. */
  admin(req: SandboxRequest): Reply | null;
  plan(kind: RouteKind): FaultPlan;
  serverError(api: SandboxApi): Reply;
  tooManyRequests(api: SandboxApi): Reply;
  /** How long to hold the answer to a submit after its order was taken. */
  holdAfterAcceptMs(): number;
  /** A hostile answer for this request, when one is switched on: aimed at another order, and/or rewritten. */
  hostile(route: { api: SandboxApi; kind: RouteKind; endpoint: string }): {
    aim?(req: SandboxRequest): void;
    instead?(req: SandboxRequest): Reply;
    rewrite?(reply: Reply): Reply;
  } | null;
}

export interface SandboxInstruments {
  /** Called once, as the sandbox starts. */
  attach(sandbox: SandboxInsides): RequestInstruments;
}
