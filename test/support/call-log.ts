import type { CallRecord, SandboxStats } from '../../main/sandbox/types';

/** What the sandbox's call log says about one reference: how often it was sent, and whether any send was unsafe. */
export interface SubmitAudit {
  /** Submits that reached the provider (a 429 turned away before anything was looked at is not one). */
  submits: number;
  lookups: number;
  /** Submits sent again without a lookup that found nothing since the last one: a re-send the engine could not justify. */
  unjustifiedResends: number;
  /** Submits sent after the provider had an order under the reference (taken, found, or a 5313). */
  resendsOfAnOrderItHad: number;
}

const HAD_IT: ReadonlySet<CallRecord['outcome']> = new Set(['taken', 'existing', 'duplicate', 'foreign']);

/**
 * Reads one reference's submits and lookups in the order the sandbox handled them. The first submit needs no
 * excuse; every later one must follow a lookup whose "not found" reached the caller. A 429 changes nothing either
 * way: the provider said it did not look at the request, so a retry after it is the same attempt.
 */
export function auditSubmits(calls: readonly CallRecord[] = []): SubmitAudit {
  const audit: SubmitAudit = { submits: 0, lookups: 0, unjustifiedResends: 0, resendsOfAnOrderItHad: 0 };
  let mayResend = true;
  let providerHadIt = false;
  for (const record of calls) {
    if (record.call === 'lookup') {
      audit.lookups += 1;
      if (record.outcome === 'not-found' && record.answered) mayResend = true;
      if (record.outcome === 'found') providerHadIt = true;
      continue;
    }
    if (!mayResend) audit.unjustifiedResends += 1;
    if (providerHadIt) audit.resendsOfAnOrderItHad += 1;
    if (record.outcome === 'throttled') continue;
    audit.submits += 1;
    mayResend = false;
    if (HAD_IT.has(record.outcome)) providerHadIt = true;
  }
  return audit;
}

/** The call logs of several sandbox runs (restarts), joined in order. */
export function joinCallLogs(runs: readonly Pick<SandboxStats, 'calls'>[]): Record<string, CallRecord[]> {
  const joined: Record<string, CallRecord[]> = {};
  for (const run of runs) for (const [ref, calls] of Object.entries(run.calls)) (joined[ref] ??= []).push(...calls);
  return joined;
}
