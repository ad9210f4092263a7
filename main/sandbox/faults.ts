import { z } from 'zod';
import type { Reply } from './http-kit';
import type { FaultPlan, RouteKind } from './instruments';
import { hostileCandidates, type RouteInfo } from './hostile-answers';
import { HOSTILE_CASES, type HostileCase } from './hostile-cases';
import { createRng } from './rng';
import type { SandboxApi, SandboxFaults } from './types';

const fraction = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(600_000);

/** What an admin PUT or a --faults argument may set; everything optional, anything unknown refused. */
export const faultsPatchSchema = z
  .object({
    errorRate: fraction,
    latencyMs: ms,
    latencySpikeRate: fraction,
    latencySpikeMs: ms,
    rate429: fraction,
    retryAfterSeconds: z.number().int().min(0).max(3600),
    dropAfterAcceptRate: fraction,
    holdAfterAcceptMs: ms,
    shortPageRate: fraction,
    notReadyRate: fraction,
    cancelInFetchRate: fraction,
    refuseStatusRate: fraction,
    refuseCardsRate: fraction,
    foreignReferenceRate: fraction,
    hostile: z.array(z.enum(HOSTILE_CASES)),
    hostileRate: fraction,
    balanceCents: z.number().int().min(0),
    seed: z.number().int(),
  })
  .partial()
  .strict();

export type FaultKnobs = Omit<SandboxFaults, 'balanceCents'>;

export const NO_FAULTS: Omit<FaultKnobs, 'seed'> = {
  errorRate: 0,
  latencyMs: 0,
  latencySpikeRate: 0,
  latencySpikeMs: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  dropAfterAcceptRate: 0,
  holdAfterAcceptMs: 0,
  shortPageRate: 0,
  notReadyRate: 0,
  cancelInFetchRate: 0,
  refuseStatusRate: 0,
  refuseCardsRate: 0,
  foreignReferenceRate: 0,
  hostile: [],
  hostileRate: 1,
};

export class FaultDice {
  private knobs: FaultKnobs;
  private rng: () => number;

  constructor(initial: Partial<FaultKnobs>) {
    this.knobs = { ...NO_FAULTS, seed: initial.seed ?? Math.floor(Math.random() * 2 ** 31), ...initial };
    this.rng = createRng(this.knobs.seed);
  }

  current(): FaultKnobs {
    return { ...this.knobs };
  }

  set(patch: Partial<FaultKnobs>): void {
    this.knobs = { ...this.knobs, ...patch };
    if (patch.seed !== undefined) this.rng = createRng(patch.seed);
  }

  plan(kind: RouteKind): FaultPlan {
    const k = this.knobs;
    const isSubmit = kind === 'submit';
    // Each die is thrown only when its knob is on, so that a seed repeats the same pattern whatever else is added.
    const roll = (rate: number, applies = true) => applies && rate > 0 && this.rng() < rate;
    const spike = roll(k.latencySpikeRate);
    const delayMs = k.latencyMs + (spike ? k.latencySpikeMs : 0);
    const throttle = roll(k.rate429);
    const failing = !throttle && roll(k.errorRate);
    const error = !failing ? 'none' : isSubmit && this.rng() < 0.5 ? 'after' : 'before';
    const drop = isSubmit && !throttle && !failing && roll(k.dropAfterAcceptRate);
    const cards = kind === 'cards';
    const cancel = roll(k.cancelInFetchRate, cards);
    const notReady = !cancel && roll(k.notReadyRate, cards);
    const short = !cancel && !notReady && roll(k.shortPageRate, cards);
    const refuse = roll(k.refuseStatusRate, kind === 'lookup') || roll(k.refuseCardsRate, cards);
    const foreign = roll(k.foreignReferenceRate, isSubmit);
    return { delayMs, spike, throttle, error, drop, cancel, notReady, short, refuse, foreign };
  }

  /** Which hostile case, if any, this request gets: thrown only when a case is enabled that applies to it. */
  hostile(route: RouteInfo): HostileCase | null {
    const candidates = hostileCandidates(this.knobs.hostile, route);
    if (candidates.length === 0 || this.rng() >= this.knobs.hostileRate) return null;
    return candidates[Math.floor(this.rng() * candidates.length)]!;
  }

  /** A 5xx in one of the shapes a provider's edge really sends: its own JSON, or a proxy's HTML page. */
  serverError(api: SandboxApi): Reply {
    const pick = Math.floor(this.rng() * 3);
    if (pick === 2) {
      return { status: 502, raw: true, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>' };
    }
    const status = pick === 0 ? 500 : 503;
    if (api === 'wpay') {
      const [code, message] = pick === 0 ? ['5321', 'Cannot process the request at this time'] : ['6053', 'Please retry after some time'];
      return { status, body: { code, message, messages: [message] } };
    }
    return { status, body: { errors: [{ errorCode: 'system.error', message: 'Blackhawk Network encountered an internal error' }] } };
  }

  tooManyRequests(api: SandboxApi): Reply {
    const headers = { 'retry-after': String(this.knobs.retryAfterSeconds) };
    const message = 'Too many requests, slow down';
    return api === 'wpay'
      ? { status: 429, headers, body: { code: '429', message, messages: [message] } }
      : { status: 429, headers, body: { errors: [{ errorCode: 'rate.limit.exceeded', message }] } };
  }
}
