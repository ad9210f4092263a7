import type { IncomingMessage } from 'node:http';
import type { FaultPlan } from './instruments';
import type { CallRecord } from './types';

/** An answer a handler wants sent. `orderTaken` tells the fault layer a submit left an order behind. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Body is sent as-is (e.g. an HTML error page) instead of JSON. */
  raw?: boolean;
  /** The body written piece by piece as the client reads it, without a length (chunked): answers too large to hold. */
  stream?: () => Iterable<string>;
  orderTaken?: boolean;
  /** For submits and lookups: what the handler did, for the call log. */
  outcome?: CallRecord['outcome'];
}

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body; undefined when there was none; `invalidJson` when it did not parse. */
  body: unknown;
  invalidJson: boolean;
  params: Record<string, string>;
  signal: AbortSignal;
  /** The faults this request drew; handlers apply the ones that depend on what they find (cards, lookups). */
  plan: FaultPlan;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(msg: IncomingMessage): Promise<{ body: unknown; invalidJson: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of msg) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return { body: undefined, invalidJson: true };
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { body: undefined, invalidJson: false };
  try {
    return { body: JSON.parse(text) as unknown, invalidJson: false };
  } catch {
    return { body: undefined, invalidJson: true };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Providers send numbers as numbers or as strings ("3", "25"); both mean the same. */
export function numeric(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

export function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}
