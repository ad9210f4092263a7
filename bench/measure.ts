import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Seconds a piece of work took, and the longest the event loop was blocked meanwhile. */
export async function measure<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number; maxBlockMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const start = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  loop.disable();
  return { value, seconds, maxBlockMs: loop.max / 1e6 };
}

export function peakRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Each phase prints exactly one JSON line on stdout: its figures. */
export function report(figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
