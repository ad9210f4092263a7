import { neutralise } from '../../../../shared/plain-text';

// Bounds on what a provider may send, checked while the answer is read and parsed, before anything of it is kept:
// a buggy or hostile server must not be able to fill memory, the store or the call stack.

export interface AnswerLimits {
  /** Bytes of one answer. The largest page either provider sends (500 cards, ~3 KB each) is ~1.5 MB. */
  maxBodyBytes: number;
  /** Levels of nesting of objects and arrays; a card page needs five or six. */
  maxDepth: number;
  /** Characters of any one string (a product name, a URL, a card's unknown field). */
  maxStringLength: number;
}

export const ANSWER_LIMITS: AnswerLimits = {
  // Ten times the largest page: generous for a provider that adds fields, far from what would hurt.
  maxBodyBytes: 16 * 1024 * 1024,
  maxDepth: 64,
  maxStringLength: 64 * 1024,
};

/** An answer past a limit: the words name the limit. */
export class AnswerLimitBreach extends Error {}

/** Reads a body stream to text, stopping (and cancelling the stream) as soon as it passes the byte limit. */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, limits: AnswerLimits): Promise<string> {
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerLimitBreach(`the answer is larger than the ${mib(limits.maxBodyBytes)} an answer may be`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Refuses text nested deeper than the limit, by counting brackets outside strings: before JSON.parse sees it. */
export function checkDepth(text: string, limits: AnswerLimits): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) throw new AnswerLimitBreach(`the answer is nested deeper than ${limits.maxDepth} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * JSON.parse with every string held to the length limit, so that no overlong field reaches the store, and
 * neutralised (control and direction characters) at this edge, before it can reach the store, a terminal, a sheet or
 * a file; HTML stays text, and is shown as text everywhere.
 */
export function parseLimited(text: string, limits: AnswerLimits): unknown {
  checkDepth(text, limits);
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    if (value.length > limits.maxStringLength) {
      throw new AnswerLimitBreach(`the answer has a field longer than ${limits.maxStringLength.toLocaleString('en')} characters`);
    }
    return neutralise(value);
  });
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
