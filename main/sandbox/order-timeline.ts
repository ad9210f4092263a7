import type { ProcessingConfig, SandboxOrder } from './types';

export type Progress =
  | { phase: 'pending'; percent: number }
  | { phase: 'processing'; percent: number }
  | { phase: 'complete'; percent: 100 }
  | { phase: 'cancelled'; percent: number };

/** Processing time grows with quantity, like the providers' recommended polling cadence, but in seconds. */
export function processingMs(config: ProcessingConfig, quantity: number): number {
  return Math.max(0, Math.round(config.baseMs + config.perCardMs * quantity));
}

/** Where an order stands at `now`, from its persisted accepted and ready times: a restart carries on, not over. */
export function progressAt(order: SandboxOrder, now: number): Progress {
  const total = Math.max(1, order.readyAt - order.acceptedAt);
  const percent = Math.min(100, Math.max(0, Math.floor(((now - order.acceptedAt) / total) * 100)));
  if (order.cancelledAt !== null) return { phase: 'cancelled', percent };
  if (now >= order.readyAt) return { phase: 'complete', percent: 100 };
  return percent < 10 ? { phase: 'pending', percent } : { phase: 'processing', percent: Math.min(99, percent) };
}
