import { systemClock, type Clock } from '../../main/core/clock';
import { createFaultInstruments, type FaultInstruments } from '../../main/sandbox/fault-instruments';
import { startSandbox } from '../../main/sandbox/start-sandbox';
import type { SandboxFaults, SandboxHandle, SandboxOptions } from '../../main/sandbox/types';
import { afterEach } from 'vitest';

/** A clock that runs with real time but can be moved forward, so that an order's processing is skipped, not waited. */
export class MovableClock implements Clock {
  private offset = 0;
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return systemClock.sleep(ms, signal);
  }
}

const open: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

export type TestSandbox = SandboxHandle & Pick<FaultInstruments, 'faults' | 'setFaults'>;

/** A sandbox with its fault switches, closed after the test. Fast processing unless the test says otherwise. */
export async function sandbox(options: Omit<SandboxOptions, 'instruments'> & { faults?: Partial<SandboxFaults> }): Promise<TestSandbox> {
  const { faults, ...rest } = options;
  const instruments = createFaultInstruments(faults);
  const s = await startSandbox({ ...rest, instruments, processing: { baseMs: 1_000, perCardMs: 1, ...rest.processing } });
  open.push(s);
  return Object.assign(s, { faults: instruments.faults, setFaults: instruments.setFaults });
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T>(url: string, init: RequestInit): Promise<Answer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML error pages stay text.
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

/** Calls the sandbox's Wpay API the way the documents show, with its key unless another is given. */
export function wpay<T = Record<string, unknown>>(
  s: TestSandbox,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  apiKey = s.apiKey,
): Promise<Answer<T>> {
  return call<T>(`${s.url}/v1/partner/giftcards${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': apiKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function wpayOrderBody(refno: string, qty: number, opts: { sku?: string; price?: number; syncOnly?: boolean; pay?: number } = {}) {
  const price = opts.price ?? 5;
  return {
    payments: [{ code: 'svc', amount: opts.pay ?? price * qty }],
    products: [{ sku: opts.sku ?? 'WWQ651BHNWSH', price, qty, currency: '036' }],
    refno,
    syncOnly: opts.syncOnly ?? false,
  };
}

/** Calls the sandbox's Blackhawk API with its merchantId and a requestId header. */
export function blackhawk<T = Record<string, unknown>>(
  s: TestSandbox,
  method: 'GET' | 'POST',
  path: string,
  opts: { body?: unknown; requestId?: string; wait?: number; merchantId?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    merchantId: opts.merchantId ?? s.merchantId,
    requestId: opts.requestId ?? `get-${Math.random().toString(36).slice(2)}`,
  };
  if (opts.wait !== undefined) headers.millisecondsToWait = String(opts.wait);
  return call<T>(`${s.url}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

export function bhOrderBody(s: TestSandbox, lines: { quantity: number | string; amount: number | string; contentProvider: string }[], returnPins = false) {
  return {
    clientProgramNumber: s.clientProgramNumber,
    paymentType: 'ACH_DEBIT',
    poNumber: '2345',
    returnCardNumberAndPIN: returnPins ? 'true' : 'false',
    orderDetails: lines.map((l, i) => ({ clientRefId: `LINE${i}`, ...l })),
  };
}
